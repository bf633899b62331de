/// How the planner cuts text into words.
///
/// One definition serves word counts (pacing), keyword, mood and sound-cue matching and the
/// `wordIndex` of a ``SoundCue``: a word is a whitespace-separated token holding at least one
/// letter or digit. So "—" and "?" (French spacing) are not words, while "l'orage",
/// "peut-être", "3,14" and "« Viens" are one word each. The narrator counts words the same way,
/// so a cue lands on the word that called for it.
enum WordTokenizer {
    /// The words of `text`, in order, as written.
    static func words(in text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace).filter(isWord)
    }

    /// The words of several sentences, in order: a scene's words, which a cue's `wordIndex` counts.
    static func words(in sentences: [String]) -> [Substring] {
        sentences.flatMap { words(in: $0) }
    }

    /// Whether a token counts as a spoken word.
    static func isWord(_ token: some StringProtocol) -> Bool {
        token.contains { $0.isLetter || $0.isNumber }
    }

    /// The form lexicons and stop-word lists compare: lowercase, typographic apostrophes made
    /// straight, surrounding punctuation and quotes removed, a French elision (l' d' qu' j' n' s'
    /// c' m' t' jusqu' lorsqu' puisqu') and an English possessive 's dropped.
    /// "L’orage," → "orage"; "« Qu'il" → "il"; "John's" → "john"; "peut-être" stays.
    static func normalized(_ token: some StringProtocol) -> String {
        var characters = Array(straightened(token.lowercased()))
        trimPunctuation(&characters)
        var word = String(characters)
        // Elisions and 's hold an apostrophe: a byte test spares other words the comparisons.
        guard word.utf8.contains(UInt8(ascii: "'")) else { return word }
        if let elision = elisions.first(where: { word.hasPrefix($0) && word.count > $0.count }) {
            word.removeFirst(elision.count)
        }
        if word.hasSuffix("'s"), word.count > 2 { word.removeLast(2) }
        return word
    }

    /// `normalized(_:)` but keeping a French elision: what the language detector reads.
    static func lowercasedBare(_ token: some StringProtocol) -> String {
        var characters = Array(straightened(token.lowercased()))
        trimPunctuation(&characters)
        return String(characters)
    }

    /// The elided articles and pronouns of French, longest first.
    static let elisions = ["jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "qu'", "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'"]

    /// `word` with its diacritics removed ("tempête" → "tempete", "cœur" → "coeur"), for people who
    /// type French without accents. A fixed table, so it never depends on a locale.
    static func folded(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return word }
        var result = ""
        result.reserveCapacity(word.utf8.count)
        for character in word {
            if let plain = foldTable[character] { result += plain } else { result.append(character) }
        }
        return result
    }

    /// Whether `word` carries a diacritic the fold table knows.
    static func hasDiacritics(_ word: String) -> Bool { folded(word) != word }

    private static func straightened(_ text: String) -> String {
        guard text.contains(where: { $0 == "’" || $0 == "‘" || $0 == "ʼ" }) else { return text }
        return String(text.map { $0 == "’" || $0 == "‘" || $0 == "ʼ" ? "'" : $0 })
    }

    private static func trimPunctuation(_ characters: inout [Character]) {
        while let last = characters.last, !(last.isLetter || last.isNumber) { characters.removeLast() }
        var start = 0
        while start < characters.count, !(characters[start].isLetter || characters[start].isNumber) { start += 1 }
        if start > 0 { characters.removeFirst(start) }
    }

    private static let foldTable: [Character: String] = {
        var table: [Character: String] = [:]
        let groups: [(String, String)] = [
            ("àâäáãå", "a"), ("ç", "c"), ("éèêëē", "e"), ("îïíì", "i"), ("ôöóòõ", "o"), ("ùûüú", "u"),
            ("ÿý", "y"), ("ñ", "n"),
        ]
        for (accented, plain) in groups {
            for character in accented { table[character] = plain }
        }
        table["œ"] = "oe"
        table["æ"] = "ae"
        table["ß"] = "ss"
        return table
    }()
}
