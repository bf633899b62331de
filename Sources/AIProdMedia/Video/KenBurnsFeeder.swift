import AIProdCore
import CFFmpeg
import Foundation

/// Supplies an image clip's frames: decodes and scales the still once (to the size where the
/// narrowest window of the move maps 1:1 to the output), then samples one window per frame.
/// The canvas exists only while the clip is being fed.
final class KenBurnsFeeder {
    /// Largest canvas side: bounds memory for extreme zooms on huge stills.
    static let maxCanvasSide = 8192

    let path: String
    let clip: ImageClip
    let frameCount: Int64
    let width: Int32
    let height: Int32
    let background: RGBAColor
    let limits: MediaLimits
    private var canvas: Frame?
    private var route: KenBurnsPath?
    private var canvasScale = 1.0
    private var staticFrame: Frame?
    private var next: Int64 = 0

    init(path: String, clip: ImageClip, frameCount: Int64, width: Int32, height: Int32, background: RGBAColor, limits: MediaLimits) {
        self.path = path
        self.clip = clip
        self.frameCount = frameCount
        self.width = width
        self.height = height
        self.background = background
        self.limits = limits
    }

    /// Pushes the next frame, or closes the source after the last; false once closed.
    func feed(_ graph: FilterGraph, source: String) throws(MediaError) -> Bool {
        guard next < frameCount else {
            try graph.close(source, pts: frameCount)
            canvas = nil
            staticFrame = nil
            return false
        }
        if canvas == nil { try prepare() }
        let frame: Frame
        if let staticFrame {
            frame = staticFrame
        } else {
            frame = Frame.yuv420p(width: width, height: height)
            let progress = frameCount > 1 ? Double(next) / Double(frameCount - 1) : 0
            WindowSampler.render(canvas: canvas!, window: route!.window(at: progress).scaled(by: canvasScale), into: frame)
            if clip.kenBurns == nil { staticFrame = frame }
        }
        frame.pointer.pointee.pts = next
        try graph.push(frame, to: source)
        next += 1
        return true
    }

    private func prepare() throws(MediaError) {
        let picture = try StillImage.decode(path: path, limits: limits)
        let imageWidth = Double(picture.width), imageHeight = Double(picture.height)
        let aspect = Double(width) / Double(height)
        // Contain: the canvas is the image letterboxed to the output's shape.
        let (canvasWidth, canvasHeight): (Double, Double) = switch clip.fit {
        case .cover: (imageWidth, imageHeight)
        case .contain: imageWidth / imageHeight > aspect ? (imageWidth, imageWidth / aspect) : (imageHeight * aspect, imageHeight)
        }
        let route = KenBurnsPath(canvasWidth: canvasWidth, canvasHeight: canvasHeight, outputAspect: aspect, kenBurns: clip.kenBurns)
        var scale = Double(width) / route.narrowestWidth
        scale = min(scale, Double(Self.maxCanvasSide) / max(canvasWidth, canvasHeight))
        let pixelsWide = Int32(max(2, (canvasWidth * scale / 2).rounded()) * 2)
        let pixelsHigh = Int32(max(2, (canvasHeight * scale / 2).rounded()) * 2)
        let canvas = Frame.yuv420p(width: pixelsWide, height: pixelsHigh)
        switch clip.fit {
        case .cover:
            try Scaler(from: picture, width: pixelsWide, height: pixelsHigh, format: AV_PIX_FMT_YUV420P).scale(picture, into: canvas)
        case .contain:
            canvas.fill(red: background.red, green: background.green, blue: background.blue)
            let imageWide = Int32(max(2, (imageWidth * scale / 2).rounded()) * 2)
            let imageHigh = Int32(max(2, (imageHeight * scale / 2).rounded()) * 2)
            let x = ((pixelsWide - imageWide) / 4) * 2, y = ((pixelsHigh - imageHigh) / 4) * 2
            try Scaler(from: picture, width: min(imageWide, pixelsWide), height: min(imageHigh, pixelsHigh), format: AV_PIX_FMT_YUV420P)
                .scale(picture, into: canvas, x: max(x, 0), y: max(y, 0))
        }
        self.canvas = canvas
        self.route = route
        canvasScale = Double(pixelsWide) / canvasWidth
    }
}
