import AIProdCore
import CFFmpeg
import Foundation

/// One clip's own filter chain (source, fit, text layers, trimmed to its frames), as the
/// description of a small graph of its own ending in `[out]`, and the feeder of its buffer
/// source when it has one (stills and video files; cards are graph sources).
///
/// Each clip gets its own graph, built when the clip comes on screen and freed after its last
/// frame (``ClipGraph``): a render keeps at most two clips' filters and buffers alive, whatever
/// the number of clips.
struct ClipChain {
    var description: String
    var source: (name: String, source: FilterGraph.Source, feeder: SourceFeeder)?

    init(clip: Clip, index: Int, frames: Int64, output: OutputSettings, resolver: AssetResolver,
         workspace: RenderWorkspace, fonts: FontResolver = .shared) throws(MediaError) {
        let width = Int32(output.width), height = Int32(output.height)
        let fps = "\(output.fps.numerator)/\(output.fps.denominator)"
        let timeBase = AVRational(num: Int32(output.fps.denominator), den: Int32(output.fps.numerator))
        let frameRate = AVRational(num: Int32(output.fps.numerator), den: Int32(output.fps.denominator))
        let trim = "trim=end_frame=\(frames),setpts=PTS-STARTPTS"
        var chain: String
        switch clip.content {
        case .image(let image):
            let feeder = KenBurnsFeeder(path: try resolver.path(image.file, field: "video.clips[\(index)].image.file"), clip: image,
                                        frameCount: frames, width: width, height: height, background: output.background,
                                        limits: resolver.limits)
            source = ("in", .video(width: width, height: height, pixelFormat: AV_PIX_FMT_YUV420P, timeBase: timeBase,
                                   frameRate: frameRate, sampleAspect: AVRational(num: 1, den: 1)), .kenBurns(feeder))
            chain = "[in]setsar=1"
        case .video(let video):
            let feeder = try VideoFileFeeder(path: try resolver.path(video.file, field: "video.clips[\(index)].video.file"), clip: video,
                                             clipDuration: clip.duration, limits: resolver.limits)
            source = ("in", feeder.source, .video(feeder))
            let fit = switch video.fit {
            case .cover: "scale=\(width):\(height):force_original_aspect_ratio=increase,crop=\(width):\(height)"
            case .contain: "scale=\(width):\(height):force_original_aspect_ratio=decrease,pad=\(width):\(height):(ow-iw)/2:(oh-ih)/2:color=\(output.background.ffmpegHex)"
            }
            chain = "[in]setpts=PTS-STARTPTS,fps=\(fps),\(fit),setsar=1,format=yuv420p,tpad=stop_mode=clone:stop=-1,\(trim)"
        case .color(let card):
            source = nil
            chain = "color=c=\(card.color.ffmpegHex):s=\(width)x\(height):r=\(fps),format=yuv420p,\(trim)"
        case .gradient(let card):
            source = nil
            chain = Self.gradient(card, width: Double(width), height: Double(height), fps: fps) + ",format=yuv420p,\(trim)"
        }
        for (layerIndex, layer) in clip.text.enumerated() {
            let textFile = try workspace.write(layer.text, named: "text-\(index)-\(layerIndex).txt")
            let font = try fonts.resolve(layer.font, from: resolver, field: "video.clips[\(index)].text[\(layerIndex)].font")
            chain += "," + (try TextLayerFilter.make(layer, textFile: textFile, clipDuration: clip.duration, width: Int(width), height: Int(height), font: font))
        }
        description = chain + "[out]"
    }

    /// A linear gradient along `angle` through the frame's centre, end to end. It is smooth, so
    /// it is computed at a quarter of the size and scaled up: `gradients` evaluates every pixel
    /// in float, and at full size it was the slowest part of a title card.
    ///
    /// With `texture`, a second gradient of the same colours, reversed and at right angles,
    /// turns faster (or, on a still card, slowly) and is blended over the first at a quarter's
    /// opacity, then a fine grain that changes every frame (`noise`, fixed seed: renders stay
    /// reproducible) is added to the luma, all at the small size. The filters cost little; the
    /// grain's cost is the encoder's (noise does not predict), so it stays on the luma only:
    /// chroma grain made x264 about 45 % slower again on a textured card, and looked like colour noise.
    static func gradient(_ card: GradientCard, width: Double, height: Double, fps: String) -> String {
        let small = (w: max(16, (width / 8).rounded() * 2), h: max(16, (height / 8).rounded() * 2))
        let scale = ",format=yuv420p,scale=\(Int(width)):\(Int(height)):flags=bilinear,setsar=1"
        let base = layer(from: card.from, to: card.to, angle: card.angle, small: small, fps: fps, speed: card.motion ? "0.0015" : "0.00001")
        guard card.texture else { return base + scale }
        let drift = layer(from: card.to, to: card.from, angle: card.angle + 90, small: small, fps: fps, speed: card.motion ? "0.004" : "0.0008")
        return "\(base),format=yuv420p[base];\(drift),format=yuv420p[drift];"
            + "[base][drift]blend=all_mode=normal:all_opacity=0.25,noise=c0s=5:c0f=t+u:all_seed=20261130"
            + scale
    }

    /// One `gradients` source at the small size, its axis along `angle` through the centre.
    private static func layer(from: RGBAColor, to: RGBAColor, angle: Double, small: (w: Double, h: Double), fps: String, speed: String) -> String {
        let radians = angle * .pi / 180
        let (dx, dy) = (cos(radians), sin(radians))
        // The axis runs through the centre to the frame's edges (gradients takes no point outside).
        let half = min(abs(dx) > 1e-9 ? (small.w / 2 - 1) / abs(dx) : .infinity, abs(dy) > 1e-9 ? (small.h / 2 - 1) / abs(dy) : .infinity)
        let (cx, cy) = (small.w / 2, small.h / 2)
        let points = [cx - half * dx, cy - half * dy, cx + half * dx, cy + half * dy].map { Int($0.rounded()) }
        return "gradients=s=\(Int(small.w))x\(Int(small.h)):r=\(fps):c0=\(from.ffmpegHex):c1=\(to.ffmpegHex)"
            + ":x0=\(points[0]):y0=\(points[1]):x1=\(points[2]):y1=\(points[3]):nb_colors=2:speed=\(speed)"
    }
}
