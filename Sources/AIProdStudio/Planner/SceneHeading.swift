import AIProdCore

/// A scene's heading when the script gives it none (no `##` line): a whole phrase from the
/// start of its first sentence, as a card or a chapter list shows it.
///
/// - A first sentence of up to ``maxWords`` words is the heading, whole.
/// - A longer one is cut at its last phrase boundary within ``maxWords`` words: after a comma, a
///   semicolon, a colon, a dash, or a `!` `?` `…` (a dot inside a sentence belongs to an
///   abbreviation, so it is none), closing quotes looked through. `"Somebody has to keep
///   watch," he said…` is headed "Somebody has to keep watch".
/// - With no boundary there, the first ``words`` words, less the function words they end on,
///   and "…": "The sun rises slowly over the quiet harbour and…" is "The sun rises slowly…".
/// - Quotes and brackets are balanced: straight and curly double quotes, « », ( ) and [ ] left
///   open or closed by the cut are dropped, a pair around the whole heading too; so are marks
///   and punctuation at either end (a final `?` or `!` stays, and the dot of "p.m." or "Mr.";
///   a heading cut mid-phrase does not end on such an abbreviation).
/// Single quotes are left alone: ’ is also the apostrophe of "l’orage" and "don’t".
struct SceneHeading: Sendable {
    var language: Language
    /// Words a heading cut mid-phrase keeps, at most.
    var words = 6
    /// Words of a whole first sentence, or of a phrase ending at a boundary, at most.
    var maxWords = 8

    func heading(from sentences: [String]) -> String {
        guard let first = sentences.first else { return "" }
        let groups = Self.groups(first, upTo: maxWords + 1)
        guard !groups.isEmpty else { return "" }
        if groups.count <= maxWords { return Self.tidied(groups.joined(separator: " ")) }
        if let boundary = groups.indices.dropFirst().prefix(maxWords - 1).last(where: { Self.endsPhrase(groups[$0]) }) {
            return Self.tidied(groups[...boundary].joined(separator: " "))
        }
        var kept = Array(groups.prefix(words))
        while kept.count > 1, let last = kept.last?.split(separator: " ").first,
              StopWords.contains(WordTokenizer.normalized(last), language: language) || Self.isAbbreviation(last) {
            kept.removeLast()
        }
        return Self.tidied(kept.joined(separator: " ")) + "…"
    }

    /// The sentence's first `limit` words, each with the marks that follow it alone (French
    /// spacing's "Quoi ?", a dash between spaces); marks before the first word ride with it
    /// (an opening « with a space), for ``tidied(_:)`` to keep or drop.
    static func groups(_ sentence: String, upTo limit: Int) -> [String] {
        var groups: [String] = []
        var leading = ""
        for token in sentence.split(whereSeparator: \.isWhitespace) {
            if WordTokenizer.isWord(token) {
                if groups.count == limit { break }
                groups.append(groups.isEmpty ? leading + token : String(token))
            } else if groups.isEmpty {
                leading += token + " "
            } else {
                groups[groups.count - 1] += " " + token
            }
        }
        return groups
    }

    static let closers: Set<Character> = ["\"", "”", "»", ")", "]", "\u{A0}", "\u{202F}", " "]

    /// Whether a phrase ends after this word: `,` `;` `:` `—` `–` `!` `?` `…`, or a `.` that a
    /// closing quote follows ("Stop." he said).
    static func endsPhrase(_ group: String) -> Bool {
        guard let index = group.lastIndex(where: { !closers.contains($0) }) else { return false }
        switch group[index] {
        case ",", ";", ":", "—", "–", "!", "?", "…": return true
        case ".": return group.index(after: index) < group.endIndex
        default: return false
        }
    }

    /// Opening and closing marks that pair up; a straight quote opens and closes in turn.
    private static let pairs: [Character: Character] = ["“": "”", "«": "»", "(": ")", "[": "]"]
    private static let closing: [Character: Character] = ["”": "“", "»": "«", ")": "(", "]": "["]

    /// `text` with its unbalanced quotes and brackets removed, then its ends trimmed: every
    /// mark and punctuation before the first letter or digit (but a balanced opening quote), and
    /// after the last (but `?`, `!` and a balanced closing quote); a pair enclosing it all goes.
    static func tidied(_ text: String) -> String {
        var characters = balanced(Array(text))
        // A few rounds settle any real heading; the bound keeps 10,000 nested quotes linear.
        for _ in 0..<4 {
            var lower = 0, upper = characters.count
            while lower < upper, !(characters[lower].isLetter || characters[lower].isNumber), !isOpening(characters[lower]) { lower += 1 }
            while upper > lower {
                let last = characters[upper - 1]
                if last.isLetter || last.isNumber || last == "?" || last == "!" { break }
                // The dot of "p.m." or "Mr." is part of the word.
                if last == ".", upper - 2 >= lower, characters[upper - 2].isLetter {
                    var first = upper - 2
                    while first > lower, !characters[first - 1].isWhitespace { first -= 1 }
                    if isAbbreviation(String(characters[first..<upper])[...]) { break }
                }
                if isClosing(last) {
                    // "watch," closing its quote keeps the quote, not the comma.
                    guard upper - 2 > lower, ",;:".contains(characters[upper - 2]) else { break }
                    characters.remove(at: upper - 2)
                    upper -= 1
                    break
                }
                upper -= 1
            }
            var trimmed = balanced(Array(characters[lower..<upper]))
            if trimmed.count > 1, encloses(trimmed) { trimmed = Array(trimmed[1..<(trimmed.count - 1)]) }
            if trimmed == characters { break }
            characters = trimmed
        }
        return String(characters).trimmingWhitespace()
    }

    /// Whether `word` ("Mr.", "p.m.", "J.") is an abbreviation, an initial or a time with its
    /// dot: a cut heading does not end on one, a whole one keeps its dot.
    static func isAbbreviation(_ word: Substring) -> Bool {
        let bare = word.drop { !($0.isLetter || $0.isNumber) }
        guard bare.last == ".", bare.dropLast().last?.isLetter == true else { return false }
        return Abbreviation.classify(bare.dropLast(), previous: nil, nextIsNumber: false, startsSentence: false) != nil
    }

    private static func isOpening(_ character: Character) -> Bool { character == "\"" || pairs[character] != nil }
    private static func isClosing(_ character: Character) -> Bool { character == "\"" || closing[character] != nil }

    /// Whether the first and last characters are one pair that encloses everything between.
    private static func encloses(_ characters: [Character]) -> Bool {
        guard let first = characters.first, let last = characters.last,
              first == "\"" ? last == "\"" : pairs[first] == last else { return false }
        // The first mark's partner is the last character only if no mark of its kind
        // balances out before it.
        var depth = 0
        for (index, character) in characters.enumerated() {
            if first == "\"" {
                guard character == "\"" else { continue }
                if index > 0, index < characters.count - 1 { return false }
            } else if character == first {
                depth += 1
            } else if character == last {
                depth -= 1
                if depth == 0 { return index == characters.count - 1 }
            }
        }
        return true
    }

    /// `characters` without the quotes and brackets that have no partner.
    private static func balanced(_ characters: [Character]) -> [Character] {
        var unmatched = Set<Int>()
        var open: [Character: [Int]] = [:]
        var straight: Int?
        for (index, character) in characters.enumerated() {
            if character == "\"" {
                if straight == nil { straight = index } else { straight = nil }
            } else if pairs[character] != nil {
                open[character, default: []].append(index)
            } else if let opener = closing[character] {
                if open[opener]?.popLast() == nil { unmatched.insert(index) }
            }
        }
        if let straight { unmatched.insert(straight) }
        for indices in open.values { unmatched.formUnion(indices) }
        guard !unmatched.isEmpty else { return characters }
        return characters.indices.filter { !unmatched.contains($0) }.map { characters[$0] }
    }
}
