/// One subtitle: text shown from `start` to `end` (seconds into the timeline). A `\n` in the
/// text breaks the line.
public struct SubtitleCue: Codable, Sendable, Hashable {
    public var start: Rational
    public var end: Rational
    public var text: String

    public init(start: Rational, end: Rational, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}
