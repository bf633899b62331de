/// How well a subtitle breaks after a word, judged by the punctuation it ends with (closing
/// quotes and brackets looked through: `dit. »` ends a sentence). ``init(after:)`` reads one
/// word alone; ``breaks(after:)`` reads a narration's words in context and knows that the dot
/// of "Mr." or "p.m." is no full stop.
enum SubtitleBreak: Int, Sendable, Comparable {
    /// The word binds to the next: an abbreviation, a title, an initial or a time ("Mr." before
    /// "Elias", "Mme" before "Martin", "p.m." before "the"). Breaking here is worse than
    /// breaking mid-phrase.
    case bound = -1
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
