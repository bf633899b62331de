/// A Markdown ATX heading line (`# Title`, `## Scene`), the one piece of markup scripts use:
/// `#` gives the plan its title, deeper levels start scenes and give their headings.
struct MarkdownHeading: Sendable, Hashable {
    /// 1 for `#`, 2 for `##`, … up to 6.
    var level: Int
    /// The heading's words, without the marks (closing `#`s included).
    var text: String

    /// Reads `line` as a heading: up to three spaces, one to six `#`, then a space (or nothing).
    /// "#hashtag" and "####### x" are text, not headings.
    init?(line: some StringProtocol) {
        var rest = Substring(line)
        var indent = 0
        while rest.first == " ", indent < 3 {
            rest = rest.dropFirst()
            indent += 1
        }
        let marks = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(marks) else { return nil }
        rest = rest.dropFirst(marks)
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        var text = rest.trimmingWhitespace()
        // A closing sequence: "## Scene ##".
        if text.last == "#" {
            let stripped = text.reversed().drop { $0 == "#" }
            if stripped.isEmpty || stripped.first!.isWhitespace {
                text = String(stripped.reversed()).trimmingWhitespace()
            }
        }
        level = marks
        self.text = text
    }
}
