/// How well a subtitle breaks after a word, judged by the punctuation it ends with (closing
/// quotes and brackets looked through: `dit. »` ends a sentence).
enum SubtitleBreak: Int, Sendable, Comparable {
    /// No punctuation: breaking here splits a phrase.
    case none
    /// `,` `;` `:` `—` `–`: a clause ends.
    case clause
    /// `.` `!` `?` `…`: a sentence ends.
    case sentence

    init(after text: String) {
        let closing: Set<Character> = ["»", "”", "’", "\"", "'", ")", "]", "}", "\u{A0}", "\u{202F}", " "]
        guard let last = text.last(where: { !closing.contains($0) }) else {
            self = .none
            return
        }
        switch last {
        case ".", "!", "?", "…", "‽": self = .sentence
        case ",", ";", ":", "—", "–": self = .clause
        default: self = .none
        }
    }

    static func < (a: SubtitleBreak, b: SubtitleBreak) -> Bool { a.rawValue < b.rawValue }
}
