import AIProdCore
import CFFmpeg
import Foundation

/// The video track as one libavfilter graph: a chain per clip (source, fit, text), the clips
/// joined by `xfade` or `concat`, then watermark and burned subtitles. Clip sources that need
/// decoding are buffer sources fed on demand by ``SourceFeeder``s; cards are graph sources.
struct VideoGraphPlan {
    var description: String
    var sources: [(name: String, source: FilterGraph.Source, feeder: SourceFeeder)]

    init(timeline: Timeline, schedule: TimelineSchedule, resolver: AssetResolver, workspace: RenderWorkspace, fonts: FontResolver = .shared) throws(MediaError) {
        let output = timeline.output
        let width = Int32(output.width), height = Int32(output.height)
        let fps = "\(output.fps.numerator)/\(output.fps.denominator)"
        let timeBase = AVRational(num: Int32(output.fps.denominator), den: Int32(output.fps.numerator))
        let frameRate = AVRational(num: Int32(output.fps.numerator), den: Int32(output.fps.denominator))
        var chains: [String] = []
        var sources: [(String, FilterGraph.Source, SourceFeeder)] = []

        for (index, clip) in timeline.video.clips.enumerated() {
            let frames = schedule.entries[index].frameCount
            let trim = "trim=end_frame=\(frames),setpts=PTS-STARTPTS"
            var chain: String
            switch clip.content {
            case .image(let image):
                let name = "img\(index)"
                let feeder = KenBurnsFeeder(path: resolver.path(image.file), clip: image, frameCount: frames,
                                            width: width, height: height, background: output.background)
                sources.append((name, .video(width: width, height: height, pixelFormat: AV_PIX_FMT_YUV420P, timeBase: timeBase,
                                             frameRate: frameRate, sampleAspect: AVRational(num: 1, den: 1)), .kenBurns(feeder)))
                chain = "[\(name)]setsar=1"
            case .video(let video):
                let name = "vid\(index)"
                let feeder = try VideoFileFeeder(path: resolver.path(video.file), clip: video, clipDuration: clip.duration)
                sources.append((name, feeder.source, .video(feeder)))
                let fit = switch video.fit {
                case .cover: "scale=\(width):\(height):force_original_aspect_ratio=increase,crop=\(width):\(height)"
                case .contain: "scale=\(width):\(height):force_original_aspect_ratio=decrease,pad=\(width):\(height):(ow-iw)/2:(oh-ih)/2:color=\(output.background.ffmpegHex)"
                }
                chain = "[\(name)]setpts=PTS-STARTPTS,fps=\(fps),\(fit),setsar=1,format=yuv420p,tpad=stop_mode=clone:stop=-1,\(trim)"
            case .color(let card):
                chain = "color=c=\(card.color.ffmpegHex):s=\(width)x\(height):r=\(fps),format=yuv420p,\(trim)"
            case .gradient(let card):
                chain = Self.gradient(card, width: Double(width), height: Double(height), fps: fps) + ",format=yuv420p,\(trim)"
            }
            for (layerIndex, layer) in clip.text.enumerated() {
                let textFile = try workspace.write(layer.text, named: "text-\(index)-\(layerIndex).txt")
                chain += "," + (try TextLayerFilter.make(layer, textFile: textFile, clipDuration: clip.duration, width: Int(width), height: Int(height), fonts: fonts))
            }
            chains.append(chain + "[c\(index)]")
        }

        var current = "c0"
        for index in 1..<max(timeline.video.clips.count, 1) {
            let entry = schedule.entries[index]
            let next = "j\(index)"
            if let transition = timeline.video.clips[index].transition, entry.transitionFrames > 0 {
                let duration = schedule.time(ofFrame: entry.transitionFrames).doubleValue
                let offset = schedule.time(ofFrame: entry.startFrame).doubleValue
                chains.append("[\(current)][c\(index)]xfade=transition=\(transition.kind.xfadeName):duration=\(FilterEscaping.number(duration)):offset=\(FilterEscaping.number(offset))[\(next)]")
            } else {
                chains.append("[\(current)][c\(index)]concat=n=2:v=1:a=0[\(next)]")
            }
            current = next
        }

        if let watermark = timeline.video.watermark {
            let feeder = try StillFeeder(path: resolver.path(watermark.file))
            sources.append(("wm", feeder.source, .still(feeder)))
            let logoWidth = max(2, Int((watermark.scale * Double(width) / 2).rounded()) * 2)
            let margin = Int((watermark.margin * Double(height)).rounded())
            let x = [.topLeft, .bottomLeft].contains(watermark.corner) ? "\(margin)" : "main_w-overlay_w-\(margin)"
            let y = [.topLeft, .topRight].contains(watermark.corner) ? "\(margin)" : "main_h-overlay_h-\(margin)"
            chains.append("[wm]scale=w=\(logoWidth):h=-2:flags=lanczos,format=rgba,colorchannelmixer=aa=\(FilterEscaping.number(watermark.opacity))[logo]")
            chains.append("[\(current)][logo]overlay=x=\(x):y=\(y):format=auto:eof_action=repeat[marked]")
            current = "marked"
        }

        if let subtitles = timeline.subtitles, subtitles.burnIn, !subtitles.cues.isEmpty {
            let fontPath = try fonts.resolve(subtitles.style.font)
            let document = try ASSDocument(cues: subtitles.cues, style: subtitles.style, width: Int(width), height: Int(height), fontFile: fontPath)
            let file = try workspace.write(document.text, named: "subtitles.ass")
            let fontsDirectory = URL(fileURLWithPath: fontPath).deletingLastPathComponent().path
            chains.append("[\(current)]subtitles=filename=\(FilterEscaping.value(file)):fontsdir=\(FilterEscaping.value(fontsDirectory))[subbed]")
            current = "subbed"
        }
        chains.append("[\(current)]format=yuv420p[out]")
        description = chains.joined(separator: ";\n")
        self.sources = sources.map { (name: $0.0, source: $0.1, feeder: $0.2) }
    }

    /// A linear gradient along `angle` through the frame's centre, end to end. It is smooth, so
    /// it is computed at a quarter of the size and scaled up: `gradients` evaluates every pixel
    /// in float, and at full size it was the slowest part of a title card.
    static func gradient(_ card: GradientCard, width: Double, height: Double, fps: String) -> String {
        let small = (w: max(16, (width / 8).rounded() * 2), h: max(16, (height / 8).rounded() * 2))
        let radians = card.angle * .pi / 180
        let (dx, dy) = (cos(radians), sin(radians))
        // The axis runs through the centre to the frame's edges (gradients takes no point outside).
        let half = min(abs(dx) > 1e-9 ? (small.w / 2 - 1) / abs(dx) : .infinity, abs(dy) > 1e-9 ? (small.h / 2 - 1) / abs(dy) : .infinity)
        let (cx, cy) = (small.w / 2, small.h / 2)
        let points = [cx - half * dx, cy - half * dy, cx + half * dx, cy + half * dy].map { Int($0.rounded()) }
        let speed = card.motion ? "0.0015" : "0.00001"
        return "gradients=s=\(Int(small.w))x\(Int(small.h)):r=\(fps):c0=\(card.from.ffmpegHex):c1=\(card.to.ffmpegHex)"
            + ":x0=\(points[0]):y0=\(points[1]):x1=\(points[2]):y1=\(points[3]):nb_colors=2:speed=\(speed)"
            + ",format=yuv420p,scale=\(Int(width)):\(Int(height)):flags=bilinear,setsar=1"
    }
}
