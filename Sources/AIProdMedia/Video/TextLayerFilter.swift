import AIProdCore
import Foundation

/// The `drawtext` filters that draw one ``TextLayer`` on its clip's chain: the text is measured
/// with its font and fitted into the frame's safe area first (``TextBlockLayout``), then each
/// line gets its own drawtext at its own position, reading its own text file.
enum TextLayerFilter {
    /// Filters for one text layer; times are the clip's own (its chain starts at 0). The first
    /// line goes to `textFile` (overwritten with it), further lines beside it (`textFile.1`, …).
    /// `font` is the layer's font file, already resolved.
    static func make(_ layer: TextLayer, textFile: String, clipDuration: Rational, width: Int, height: Int, font: String) throws(MediaError) -> String {
        let layout = TextBlockLayout(layer, width: width, height: height, measure: try FontFace(path: font))
        guard !layout.lines.isEmpty else { return "null" }
        let start = layer.start.doubleValue
        let end = (layer.end ?? clipDuration).doubleValue
        let fadeIn = layer.fadeIn.doubleValue, fadeOut = layer.fadeOut.doubleValue
        var alpha = "1"
        if fadeOut > 0 { alpha = "if(gt(t\\,\(FilterEscaping.number(end - fadeOut)))\\,(\(FilterEscaping.number(end))-t)/\(FilterEscaping.number(fadeOut))\\,\(alpha))" }
        if fadeIn > 0 { alpha = "if(lt(t\\,\(FilterEscaping.number(start + fadeIn)))\\,(t-\(FilterEscaping.number(start)))/\(FilterEscaping.number(fadeIn))\\,\(alpha))" }
        var filters: [String] = []
        for (index, line) in layout.lines.enumerated() {
            let file = index == 0 ? textFile : "\(textFile).\(index)"
            do {
                try Data(line.text.utf8).write(to: URL(fileURLWithPath: file))
            } catch {
                throw MediaError(.writeFailed, file: file, error.localizedDescription)
            }
            var options = [
                "fontfile=\(FilterEscaping.value(font))", "textfile=\(FilterEscaping.value(file))", "expansion=none",
                "fontsize=\(layout.fitted.size)", "fontcolor=\(layer.color.ffmpegHex)@\(FilterEscaping.number(layer.color.opacity))",
                "x=\(line.x)", "y=\(line.y)", "fix_bounds=1",
                "enable=between(t\\,\(FilterEscaping.number(start))\\,\(FilterEscaping.number(end)))", "alpha=\(alpha)",
            ]
            let box = layer.box ?? (layer.placement == .lowerThird ? TextBox() : nil)
            if let box {
                options += ["box=1", "boxcolor=\(box.color.ffmpegHex)@\(FilterEscaping.number(box.color.opacity))", "boxborderw=\(layout.padding)"]
            } else {
                options += ["shadowx=\(TextBlockLayout.shadow)", "shadowy=\(TextBlockLayout.shadow)", "shadowcolor=0x000000@0.6"]
            }
            filters.append("drawtext=" + options.joined(separator: ":"))
        }
        return filters.joined(separator: ",")
    }
}
