import AIProdCore
import Foundation

/// Subtitle cues as an Advanced SubStation file for libass, which burns them in: the style
/// maps to pixels of the output frame (PlayRes = output size), text wraps to the frame.
struct ASSDocument {
    let cues: [SubtitleCue]
    let style: SubtitleStyle
    let width: Int
    let height: Int

    var text: String {
        let size = style.size ?? Int((Double(height) * 0.055).rounded())
        let margin = Int((style.margin * Double(height)).rounded())
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
            "Style: Default,\(family),\(size),\(Self.colour(style.color)),&H000000FF,\(Self.colour(style.outlineColor)),&H80000000,\(bold),0,0,0,100,100,0,0,1,\(FilterEscaping.number(style.outline)),0,\(alignment),\(width / 16),\(width / 16),\(margin),1",
            "", "[Events]", "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        ]
        for cue in cues.sorted(by: { $0.start < $1.start }) {
            lines.append("Dialogue: 0,\(Self.time(cue.start)),\(Self.time(cue.end)),Default,,0,0,0,,\(Self.escape(cue.text))")
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
