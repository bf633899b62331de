import AIProdCore
import Foundation

/// Subtitle cues as an Advanced SubStation file for libass, which burns them in: the style
/// maps to pixels of the output frame (PlayRes = output size). Each cue is fitted into the
/// safe area beforehand with the subtitle font (``TextFitter``): broken into lines (`\N`) at
/// spaces or between CJK characters, shrunk (`{\fs}`) when one word is too wide, broken inside
/// a word at the floor size, and cut with "…" when too tall. The margins keep libass inside the
/// safe area too. libass sizes a font so that its Windows ascent plus descent span the ASS size
/// (``FontFace/libassEmScale``), so cues are measured at that em, 5 % larger for safety.
struct ASSDocument {
    let cues: [SubtitleCue]
    let style: SubtitleStyle
    let width: Int
    let height: Int
    /// Font size of the style, in pixels.
    let size: Int
    /// Left and right margin, in pixels.
    let sideMargin: Int
    /// Distance from the bottom (or top) edge, in pixels.
    let verticalMargin: Int
    /// Each cue's text as fitted, in ASS syntax (escaped, `\N` line breaks, `{\fs}` if shrunk).
    let fittedText: [String]

    init(cues: [SubtitleCue], style: SubtitleStyle, width: Int, height: Int, fontFile: String) throws(MediaError) {
        self.cues = cues.sorted(by: { $0.start < $1.start })
        self.style = style
        self.width = width
        self.height = height
        let safe = SafeArea(width: width, height: height)
        let size = min(max(1, style.size ?? Int((Double(height) * 0.055).rounded())), max(1, safe.height))
        let margin = style.margin.isFinite ? min(max(style.margin, 0), 0.5) : 0
        self.size = size
        sideMargin = max(width / 16, safe.minX)
        verticalMargin = max(Int((margin * Double(height)).rounded()), safe.minY)
        let outline = style.outline.isFinite ? Int(min(max(style.outline, 0), Double(size)).rounded(.up)) : 0
        let face = try FontFace(path: fontFile)
        // Measured at the em libass will draw (5 % more, for its unhinted advances), so lines
        // use the width there is; the fitted size converts back to an ASS size.
        let scale = face.libassEmScale * 1.05
        let fitter = TextFitter(
            measure: face,
            maxWidth: max(1, width - 2 * sideMargin - 2 * outline),
            maxHeight: max(1, height - verticalMargin - safe.minY - 2 * outline),
            lineGap: { _ in 0 })
        let measured = max(1, Int((Double(size) * scale).rounded(.up)))
        let floor = max(1, Int((Double(TextBlockLayout.floorSize(width: width, height: height)) * scale).rounded(.up)))
        fittedText = self.cues.map { cue in
            let fitted = fitter.fit(cue.text, preferred: measured, floor: floor)
            let text = fitted.lines.map(Self.escape).joined(separator: "\\N")
            let shrunk = max(1, Int((Double(fitted.size) / scale).rounded(.down)))
            return fitted.size == measured ? text : "{\\fs\(shrunk)}" + text
        }
    }

    var text: String {
        let bold = style.font.lowercased().contains("bold") ? -1 : 0
        let family = style.font.contains("/")
            ? URL(fileURLWithPath: style.font).deletingPathExtension().lastPathComponent
            : style.font.replacingOccurrences(of: " Bold", with: "")
        let alignment = style.position == .bottom ? 2 : 8
        var lines = [
            "[Script Info]", "ScriptType: v4.00+", "PlayResX: \(width)", "PlayResY: \(height)",
            "WrapStyle: 0", "ScaledBorderAndShadow: yes", "",
            "[V4+ Styles]",
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
            "Style: Default,\(family),\(size),\(Self.colour(style.color)),&H000000FF,\(Self.colour(style.outlineColor)),&H80000000,\(bold),0,0,0,100,100,0,0,1,\(FilterEscaping.number(style.outline)),0,\(alignment),\(sideMargin),\(sideMargin),\(verticalMargin),1",
            "", "[Events]", "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        ]
        for (cue, text) in zip(cues, fittedText) {
            lines.append("Dialogue: 0,\(Self.time(cue.start)),\(Self.time(cue.end)),Default,,0,0,0,,\(text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `&HAABBGGRR`, alpha inverted (00 is opaque).
    static func colour(_ color: RGBAColor) -> String {
        String(format: "&H%02X%02X%02X%02X", 255 - Int(color.alpha), Int(color.blue), Int(color.green), Int(color.red))
    }

    /// `H:MM:SS.cc`, rounded to the centisecond.
    static func time(_ seconds: Rational) -> String {
        let centis = seconds.rounded(toUnitsOf: Rational(100))
        return String(format: "%d:%02d:%02d.%02d", centis / 360_000, (centis / 6000) % 60, (centis / 100) % 60, centis % 100)
    }

    /// Keeps text literal: braces open override blocks and backslashes start tags in ASS.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\\", with: "\u{29F5}")
            .replacingOccurrences(of: "{", with: "(")
            .replacingOccurrences(of: "}", with: ")")
            .replacingOccurrences(of: "\n", with: "\\N")
    }
}
