/// Writes subtitle cues as SubRip (`.srt`) and WebVTT (`.vtt`) text, the two sidecar formats
/// players and upload sites accept.
///
/// Both formats end a cue at its first blank line and treat `-->` as a timing line, so cue text
/// is cleaned before it is written (see ``cleanedLines(_:)``); otherwise one odd cue could
/// swallow or invent the cues after it. Times come from the exact ``Rational`` seconds, rounded
/// once to whole milliseconds, so a cue lands on the same instant as the burned-in subtitle.
public struct SubtitleFormatter: Sendable {
    public init() {}

    /// SubRip: 1-based index, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text, a blank line.
    public func srt(_ cues: [SubtitleCue]) -> String {
        let blocks = prepared(cues).enumerated().map { index, cue in
            "\(index + 1)\n"
                + "\(Self.timestamp(cue.start, separator: ",")) --> \(Self.timestamp(cue.end, separator: ","))\n"
                + cue.lines.joined(separator: "\n") + "\n"
        }
        return blocks.joined(separator: "\n")
    }

    /// WebVTT: the `WEBVTT` header and a blank line, then cues without identifiers. `&`, `<` and
    /// `>` are escaped because WebVTT reads them as markup (`<b>`, `&amp;`), which SRT does not
    /// define consistently.
    public func webVTT(_ cues: [SubtitleCue]) -> String {
        let blocks = prepared(cues).map { cue in
            "\(Self.timestamp(cue.start, separator: ".")) --> \(Self.timestamp(cue.end, separator: "."))\n"
                + cue.lines.map(Self.escapedForWebVTT).joined(separator: "\n") + "\n"
        }
        return "WEBVTT\n\n" + blocks.joined(separator: "\n")
    }

    /// A cue ready to write: its text already split into clean, non-blank lines.
    struct PreparedCue {
        var start: Rational
        var end: Rational
        var lines: [String]
    }

    /// Sorts by start time, keeping the input order for equal starts (players show cues in file
    /// order, and `sort` alone does not promise stability). Cues left with no text are dropped:
    /// they would show nothing and some parsers mistake the next cue's index for their text.
    func prepared(_ cues: [SubtitleCue]) -> [PreparedCue] {
        cues.enumerated()
            .sorted { a, b in a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset }
            .map { PreparedCue(start: $0.element.start, end: $0.element.end, lines: Self.cleanedLines($0.element.text)) }
            .filter { !$0.lines.isEmpty }
    }

    /// Splits cue text into the lines to write: CRLF and lone CR become line breaks (Windows
    /// editors produce them, and a stray CR breaks SRT parsers), trailing whitespace goes, blank
    /// lines go (a blank line ends a cue in both formats) and `-->` becomes `->` (it would read
    /// as a timing line).
    static func cleanedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            if character == "\r\n" || character == "\r" || character == "\n" {
                lines.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        lines.append(current)
        return lines.compactMap { line in
            var trimmed = Substring(line)
            while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
            guard !trimmed.isEmpty else { return nil }
            return withoutArrows(String(trimmed))
        }
    }

    /// Replaces `-->` with `->` until none is left: a single pass would turn `--->` into `-->`.
    static func withoutArrows(_ line: String) -> String {
        var result = line
        while let range = result.firstRange(of: "-->") {
            result.replaceSubrange(range, with: "->")
        }
        return result
    }

    static func escapedForWebVTT(_ line: String) -> String {
        var result = ""
        for character in line {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `HH:MM:SS<separator>mmm`, rounded half away from zero to the millisecond. Hours take as
    /// many digits as they need (both formats allow more than two). Negative times, which no
    /// format can express, are written as zero.
    static func timestamp(_ seconds: Rational, separator: String) -> String {
        let milliseconds = Swift.max(0, seconds.rounded(toUnitsOf: Rational(1000)))
        let hours = milliseconds / 3_600_000
        let minutes = milliseconds / 60_000 % 60
        let secs = milliseconds / 1000 % 60
        let millis = milliseconds % 1000
        return "\(padded(hours, 2)):\(padded(minutes, 2)):\(padded(secs, 2))\(separator)\(padded(millis, 3))"
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        String(value).leftPadded(to: width)
    }
}
