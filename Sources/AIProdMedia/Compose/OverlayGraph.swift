import AIProdCore
import CFFmpeg
import Foundation

/// What is drawn over the whole video rather than over one clip: the watermark and the burned
/// subtitles, as one graph that lives for the whole render and takes the composed frames one
/// by one (their timestamps are output frame numbers, so subtitles land on the frame).
final class OverlayGraph {
    private let graph: FilterGraph
    private let logo: StillFeeder?
    private var logoOpen: Bool

    /// Nil when the timeline has neither a watermark nor burned subtitles.
    init?(timeline: Timeline, resolver: AssetResolver, workspace: RenderWorkspace, fonts: FontResolver = .shared) throws(MediaError) {
        let output = timeline.output
        let width = Int32(output.width), height = Int32(output.height)
        var chains: [String] = []
        var current = "in"
        var logo: StillFeeder?
        var sources: [(String, FilterGraph.Source)] = [
            ("in", .video(width: width, height: height, pixelFormat: AV_PIX_FMT_YUV420P,
                          timeBase: AVRational(num: Int32(output.fps.denominator), den: Int32(output.fps.numerator)),
                          frameRate: AVRational(num: Int32(output.fps.numerator), den: Int32(output.fps.denominator)),
                          sampleAspect: AVRational(num: 1, den: 1))),
        ]
        if let watermark = timeline.video.watermark {
            let feeder = try StillFeeder(path: try resolver.path(watermark.file, field: "video.watermark.file"), limits: resolver.limits)
            sources.append(("wm", feeder.source))
            logo = feeder
            let logoWidth = max(2, Int((watermark.scale * Double(width) / 2).rounded()) * 2)
            let margin = Int((watermark.margin * Double(height)).rounded())
            let x = [.topLeft, .bottomLeft].contains(watermark.corner) ? "\(margin)" : "main_w-overlay_w-\(margin)"
            let y = [.topLeft, .topRight].contains(watermark.corner) ? "\(margin)" : "main_h-overlay_h-\(margin)"
            chains.append("[wm]scale=w=\(logoWidth):h=-2:flags=lanczos,format=rgba,colorchannelmixer=aa=\(FilterEscaping.number(watermark.opacity))[logo]")
            chains.append("[\(current)][logo]overlay=x=\(x):y=\(y):format=auto:eof_action=repeat[marked]")
            current = "marked"
        }
        if let subtitles = timeline.subtitles, subtitles.burnIn, !subtitles.cues.isEmpty {
            let fontPath = try fonts.resolve(subtitles.style.font, from: resolver, field: "subtitles.style.font")
            let document = try ASSDocument(cues: subtitles.cues, style: subtitles.style, width: Int(width), height: Int(height), fontFile: fontPath)
            let file = try workspace.write(document.text, named: "subtitles.ass")
            let fontsDirectory = URL(fileURLWithPath: fontPath).deletingLastPathComponent().path
            chains.append("[\(current)]subtitles=filename=\(FilterEscaping.value(file)):fontsdir=\(FilterEscaping.value(fontsDirectory))[subbed]")
            current = "subbed"
        }
        guard current != "in" else { return nil }
        chains.append("[\(current)]format=yuv420p[out]")
        graph = try FilterGraph(description: chains.joined(separator: ";\n"), sources: sources,
                                sinks: [("out", .video(pixelFormat: AV_PIX_FMT_YUV420P))], threads: 1)
        self.logo = logo
        logoOpen = logo != nil
    }

    /// Hands the next composed frame in (nil: the video has ended) and each frame the graph
    /// gives back to `emit`.
    func process(_ frame: Frame?, pts: Int64, into result: Frame, emit: (Frame) throws(MediaError) -> Bool) throws(MediaError) -> Bool {
        if let frame {
            frame.pointer.pointee.pts = pts
            try graph.push(frame, to: "in")
        } else {
            try graph.close("in", pts: pts)
        }
        while true {
            switch try graph.pull(from: "out", into: result) {
            case .frame:
                guard try emit(result) else { return false }
            case .finished:
                return true
            case .needsInput:
                guard logoOpen, let logo else { return true }
                if try !logo.feed(graph, source: "wm") { logoOpen = false }
            }
        }
    }
}
