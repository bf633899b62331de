/// Finds the plan's title, and tells which lines are left to narrate.
///
/// The rule, decided once so scripts behave predictably:
/// - when the first line with a word (lines of only marks such as `***` are skipped) is a
///   `# heading`, its text is the title and the line is not narrated (Markdown's way of writing
///   a title above the text);
/// - otherwise the first line that holds a word gives the title (its first sentence, without a
///   final `.` or `:`, shortened at a word to ``maxLength`` characters) and stays narrated: a
///   plain line is part of the script, and the planner never drops words the author wrote.
///   A `## heading` there gives its text and, as everywhere, starts a scene without being read.
/// A script with no such line is "Untitled" (the planner rejects it before, for having no words).
struct TitleExtractor: Sendable {
    struct Result: Sendable, Hashable {
        var title: String
        /// The lines left for the scenes.
        var body: [Substring]
    }

    /// Longest title kept, in characters, before "…".
    var maxLength = 60

    func extract(from lines: [Substring]) -> Result {
        guard let first = lines.firstIndex(where: { WordTokenizer.isWord($0) || MarkdownHeading(line: $0) != nil })
        else { return Result(title: "Untitled", body: lines) }
        if let heading = MarkdownHeading(line: lines[first]), heading.level == 1, WordTokenizer.isWord(heading.text) {
            var body = lines
            body.remove(at: first)
            return Result(title: shortened(heading.text), body: body)
        }
        guard let line = lines[first...].first(where: { WordTokenizer.isWord($0) }) else {
            return Result(title: "Untitled", body: lines)
        }
        if let heading = MarkdownHeading(line: line) {
            return Result(title: shortened(heading.text), body: lines)
        }
        let sentence = SentenceSegmenter().sentences(in: String(line)).first ?? line.trimmingWhitespace()
        // Walks back by index: `dropLast()` on a Substring counts it each time (quadratic on
        // a 50,000-character line of " . . .").
        var end = sentence.endIndex
        while end > sentence.startIndex {
            let last = sentence[sentence.index(before: end)]
            guard last == "." || last == ":" || last == ";" || last == "," || last.isWhitespace else { break }
            end = sentence.index(before: end)
        }
        return Result(title: shortened(String(sentence[..<end])), body: lines)
    }

    /// `text` cut at the last space before ``maxLength`` characters, with "…", when longer.
    func shortened(_ text: String) -> String {
        guard text.count > maxLength else { return text }
        let head = text.prefix(maxLength)
        let cut = head.lastIndex(where: \.isWhitespace) ?? head.endIndex
        return head[..<cut].trimmingWhitespace() + "…"
    }
}
