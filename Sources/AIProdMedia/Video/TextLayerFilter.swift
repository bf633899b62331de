import AIProdCore
import Foundation

/// The `drawtext` filter that draws one ``TextLayer`` on its clip's chain.
enum TextLayerFilter {
    /// A `drawtext` for one text layer; times are the clip's own (its chain starts at 0).
    static func make(_ layer: TextLayer, textFile: String, clipDuration: Rational, height: Double, fonts: FontResolver) throws(MediaError) -> String {
        let font = try fonts.resolve(layer.font)
        let defaultSize = switch layer.placement {
        case .title: height * 0.075
        case .lowerThird, .free: height * 0.05
        }
        let size = layer.size ?? Int(defaultSize.rounded())
        let (x, y) = switch layer.placement {
        case .title: ("(w-text_w)/2", "(h-text_h)/2")
        case .lowerThird: ("w*0.06", "h*0.74-text_h")
        case .free: ("w*\(FilterEscaping.number(layer.x ?? 0))", "h*\(FilterEscaping.number(layer.y ?? 0))")
        }
        let start = layer.start.doubleValue
        let end = (layer.end ?? clipDuration).doubleValue
        let fadeIn = layer.fadeIn.doubleValue, fadeOut = layer.fadeOut.doubleValue
        var alpha = "1"
        if fadeOut > 0 { alpha = "if(gt(t\\,\(FilterEscaping.number(end - fadeOut)))\\,(\(FilterEscaping.number(end))-t)/\(FilterEscaping.number(fadeOut))\\,\(alpha))" }
        if fadeIn > 0 { alpha = "if(lt(t\\,\(FilterEscaping.number(start + fadeIn)))\\,(t-\(FilterEscaping.number(start)))/\(FilterEscaping.number(fadeIn))\\,\(alpha))" }
        var options = [
            "fontfile=\(FilterEscaping.value(font))", "textfile=\(FilterEscaping.value(textFile))", "expansion=none",
            "fontsize=\(size)", "fontcolor=\(layer.color.ffmpegHex)@\(FilterEscaping.number(layer.color.opacity))",
            "x=\(x)", "y=\(y)", "line_spacing=\(size / 5)", "fix_bounds=1",
            "enable=between(t\\,\(FilterEscaping.number(start))\\,\(FilterEscaping.number(end)))", "alpha=\(alpha)",
        ]
        let box = layer.box ?? (layer.placement == .lowerThird ? TextBox() : nil)
        if let box {
            options += ["box=1", "boxcolor=\(box.color.ffmpegHex)@\(FilterEscaping.number(box.color.opacity))", "boxborderw=\(box.padding)"]
        } else {
            options += ["shadowx=2", "shadowy=2", "shadowcolor=0x000000@0.6"]
        }
        return "drawtext=" + options.joined(separator: ":")
    }
}
