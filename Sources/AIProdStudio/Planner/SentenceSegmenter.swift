/// Cuts a paragraph into the sentences the narrator reads and the subtitles show, with the
/// rules of both English and French typography.
///
/// A sentence ends at `.`, `!`, `?`, `…` (or a run of them: `?!`, `!?`, `...`), taken together
/// with the quotes and brackets that close right after it (`."`, `! »` with French spacing,
/// `?”`, `.)`), when whitespace and a sentence start follow: a capital, an opening quote
/// (« “ " ‘), a dialogue dash (— – or "- "), or, after `.` `!` `?` only, anything but a
/// lowercase word or punctuation that continues the sentence: a digit, a tag (`<script>`), a
/// bracket, a symbol, an emoji. So:
/// - an ellipsis ends a sentence only before a capital, a quote or a dash, markup before it
///   looked through ("Il hésita… puis partit." is one sentence, "Wait… <i>Then</i>" two);
/// - `!` and `?` followed by a lowercase word do not (« Viens ! » dit-elle.);
/// - a dot glued to what follows is not an end (3.14, e.g., www.example.org), and 3,14 has none;
/// - a dot after an abbreviation is not an end (``Abbreviation``, shared with the subtitles):
///   titles (M., Mme, Mlle, Dr., Pr., St., Mr., Mrs., Ms.…, matched with their capital), e.g.,
///   i.e., vs., cf., av., p. and p. ex., no. before a number, a single capital initial
///   (J. K. Rowling), a dotted acronym (U.S.), a list number (1.). "etc.", "Jr.", "a.m.",
///   "p.m." and "J.-C." end a sentence only when a sentence start follows ("at 9 p.m. the lamp"
///   is one sentence);
/// - French spacing before ; : ! ? and inside « » is kept as typed, non-breaking spaces included;
/// - a line starting with a dialogue dash or an opening quote starts a new sentence, whatever
///   ended the line before; other line breaks inside a paragraph are plain spaces.
/// Sentences with no letter or digit (a lone "—") are dropped: there is nothing to say.
struct SentenceSegmenter: Sendable {
    func sentences(in text: String) -> [String] {
        var scan = Scan(Array(text))
        scan.run()
        return scan.sentences
    }

    static let terminators: Set<Character> = [".", "!", "?", "…"]
    /// Closing marks that stay with the sentence they close when glued to its end.
    static let closers: Set<Character> = ["»", "”", "’", ")", "]"]
    /// Characters that open a sentence after a terminator and whitespace.
    static let openers: Set<Character> = ["«", "“", "\"", "‘", "—", "–", "(", "[", "¿", "¡"]
    /// Characters that open a sentence at the start of a line.
    static let lineOpeners: Set<Character> = ["«", "“", "\"", "—", "–"]
    /// Characters that continue a sentence after a terminator and whitespace: punctuation and
    /// closing marks. Any other non-letter (a tag, a bracket, a digit, an emoji, a symbol) starts
    /// the next sentence, as a capital does.
    static let continuers: Set<Character> = [",", ";", ":", ".", "…", "!", "?", ")", "]", "}", "»", "”", "’"]

    /// One pass over a paragraph's characters.
    private struct Scan {
        let characters: [Character]
        var sentences: [String] = []
        /// Where the sentence being read starts.
        var start = 0
        /// Straight double quotes seen in the current sentence: odd means one is open.
        var straightQuotes = 0

        init(_ characters: [Character]) { self.characters = characters }

        mutating func run() {
            let count = characters.count
            var index = 0
            while index < count {
                let character = characters[index]
                if character.isNewline {
                    var next = index + 1
                    while next < count, characters[next].isWhitespace, !characters[next].isNewline { next += 1 }
                    if next < count, opensLine(at: next), start < index {
                        end(at: index, nextStart: next)
                    }
                    index += 1
                    continue
                }
                if character == "\"" { straightQuotes += 1 }
                guard SentenceSegmenter.terminators.contains(character) else {
                    index += 1
                    continue
                }
                var runEnd = index
                while runEnd < count, SentenceSegmenter.terminators.contains(characters[runEnd]) { runEnd += 1 }
                let closed = closingMarks(after: runEnd)
                defer { index = closed }
                // Glued to the next character: 3.14, e.g., "Bonjour!Ça".
                if closed < count, !characters[closed].isWhitespace { continue }
                var next = closed
                while next < count, characters[next].isWhitespace { next += 1 }
                guard next < count else { continue }
                if endsSentence(run: characters[index..<runEnd], at: index, next: next) {
                    end(at: closed, nextStart: next)
                }
            }
            end(at: count, nextStart: count)
        }

        /// The index after the closing quotes and brackets that follow a terminator run, glued
        /// (`."`, `?”`, `.)`) or after French spacing (`! »`, or a straight quote left open).
        private mutating func closingMarks(after runEnd: Int) -> Int {
            let count = characters.count
            var index = runEnd
            while index < count {
                let character = characters[index]
                if character == "\"" {
                    straightQuotes += 1
                    index += 1
                    continue
                }
                if SentenceSegmenter.closers.contains(character) {
                    index += 1
                    continue
                }
                var spaced = index
                while spaced < count, characters[spaced].isWhitespace, !characters[spaced].isNewline { spaced += 1 }
                guard spaced > index, spaced < count else { break }
                let mark = characters[spaced]
                if mark == "»" || mark == "”" {
                    index = spaced + 1
                } else if mark == "\"", straightQuotes % 2 == 1 {
                    straightQuotes += 1
                    index = spaced + 1
                } else {
                    break
                }
            }
            return index
        }

        /// Whether the terminator `run` starting at `position` ends the sentence, given the first
        /// character after the whitespace that follows it.
        private func endsSentence(run: ArraySlice<Character>, at position: Int, next: Int) -> Bool {
            let following = characters[next]
            let opens = following.isUppercase || opensSentence(at: next)
            if run.contains("!") || run.contains("?") { return opens || startsWithNonLetter(at: next) }
            if run.count > 1 || run.contains("…") { return opens || capitalAfterMarkup(at: next) }
            let (token, tokenStart) = token(before: position)
            let kind = Abbreviation.classify(
                token[...], previous: tokenStart > start ? self.token(before: tokenStart - 1).token[...] : nil,
                nextIsNumber: following.isNumber,
                startsSentence: !characters[start..<tokenStart].contains { $0.isLetter || $0.isNumber })
            switch kind {
            case .binding: return false
            case .soft: return opens || capitalAfterMarkup(at: next)
            case nil: return opens || startsWithNonLetter(at: next)
            }
        }

        /// Whether the next token starts with something other than a word going on in lowercase
        /// or punctuation continuing the sentence: a digit, a tag (`<script>`), a bracket, a
        /// symbol or an emoji. "details. <b>Next</b>" ends a sentence, "etc. and" does not.
        private func startsWithNonLetter(at index: Int) -> Bool {
            let character = characters[index]
            return !character.isLetter && !SentenceSegmenter.continuers.contains(character)
        }

        /// Whether a capital comes first once the markup and marks opening the next token are
        /// skipped (`<i>Then`, `**Then`, `🎉 Then`): an ellipsis or "etc." before it ends the
        /// sentence. Looks a bounded way ahead, so a paragraph is still read in linear time.
        private func capitalAfterMarkup(at index: Int) -> Bool {
            var index = index
            let limit = min(characters.count, index + 256)
            while index < limit {
                let character = characters[index]
                if character == "<", let close = characters[index..<limit].firstIndex(of: ">") {
                    index = close + 1
                    continue
                }
                if character.isLetter { return character.isUppercase }
                if character.isNumber || SentenceSegmenter.continuers.contains(character) { return false }
                index += 1
            }
            return false
        }

        /// The word right before `position`, without the opening marks that precede it, and
        /// where it starts.
        private func token(before position: Int) -> (token: String, start: Int) {
            var first = position
            while first > start, !characters[first - 1].isWhitespace { first -= 1 }
            while first < position, !(characters[first].isLetter || characters[first].isNumber) { first += 1 }
            return (String(characters[first..<max(first, position)]), first)
        }

        private func opensSentence(at index: Int) -> Bool {
            let character = characters[index]
            if SentenceSegmenter.openers.contains(character) { return true }
            return isHyphenDash(at: index)
        }

        private func opensLine(at index: Int) -> Bool {
            SentenceSegmenter.lineOpeners.contains(characters[index]) || isHyphenDash(at: index)
        }

        /// "- " used as a dialogue dash.
        private func isHyphenDash(at index: Int) -> Bool {
            characters[index] == "-" && index + 1 < characters.count && characters[index + 1].isWhitespace
        }

        /// Closes the current sentence before `end` and starts the next one at `nextStart`.
        private mutating func end(at end: Int, nextStart: Int) {
            if start < end, let sentence = Self.cleaned(characters[start..<end]) { sentences.append(sentence) }
            start = nextStart
            straightQuotes = 0
        }

        /// The sentence with its whitespace tidied: runs become one space (a lone non-breaking
        /// space, French typography's, is kept), ends trimmed; nil when it holds no word.
        private static func cleaned(_ slice: ArraySlice<Character>) -> String? {
            guard slice.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            var text = ""
            var pending: [Character] = []
            for character in slice {
                if character.isWhitespace {
                    pending.append(character)
                    continue
                }
                if !pending.isEmpty, !text.isEmpty {
                    let keep = pending.count == 1 && (pending[0] == "\u{00A0}" || pending[0] == "\u{202F}")
                    text.append(keep ? pending[0] : " ")
                }
                pending.removeAll(keepingCapacity: true)
                text.append(character)
            }
            return text
        }
    }
}
