/// A word list with values, matched the way the planner's lexicons need: exactly ("sea") or by
/// stem ("orag*" matches "orage", "orageux", "orageuse"), so a handful of stems cover a
/// language's inflections without a stemmer.
///
/// Words written with accents are looked up as written; words written without any are also
/// compared with the accents of the entries removed, so "tempete" finds "tempête*" while
/// "brisé" (broken) and "brise" (breeze) stay apart for people who do type accents.
/// Patterns are lowercase; a trailing `*` marks a stem.
struct WordLexicon<Value: Sendable>: Sendable {
    /// A value a word matched, and how long the matching pattern is: the longest match is the
    /// most specific ("doorbell" over "door*").
    struct Match: Sendable {
        var value: Value
        var length: Int
    }

    private var exact: [String: [Value]] = [:]
    private var stems: [String: [Value]] = [:]
    private var foldedExact: [String: [Value]] = [:]
    private var foldedStems: [String: [Value]] = [:]
    private var longestStem = 0

    /// Builds the lexicon from `(pattern, value)` pairs; order is kept among equal matches.
    init(_ entries: [(pattern: String, value: Value)]) {
        for (pattern, value) in entries {
            if pattern.hasSuffix("*") {
                let stem = String(pattern.dropLast())
                stems[stem, default: []].append(value)
                foldedStems[WordTokenizer.folded(stem), default: []].append(value)
                longestStem = max(longestStem, stem.count)
            } else {
                exact[pattern, default: []].append(value)
                foldedExact[WordTokenizer.folded(pattern), default: []].append(value)
            }
        }
    }

    /// Builds the lexicon from whitespace-separated patterns sharing one value per list.
    init(lists: [(patterns: String, value: Value)]) {
        self.init(lists.flatMap { list in
            list.patterns.split(whereSeparator: \.isWhitespace).map { (pattern: String($0), value: list.value) }
        })
    }

    /// Every entry `word` (a ``WordTokenizer/normalized(_:)`` word) matches, longest pattern first.
    func matches(_ word: String) -> [Match] {
        guard !word.isEmpty else { return [] }
        let accented = WordTokenizer.hasDiacritics(word)
        let exactTable = accented ? exact : foldedExact
        let stemTable = accented ? stems : foldedStems
        var found: [Match] = []
        if let values = exactTable[word] {
            let length = word.count
            found += values.map { Match(value: $0, length: length) }
        }
        var prefix = ""
        var length = 0
        for character in word {
            length += 1
            if length > longestStem { break }
            prefix.append(character)
            if let values = stemTable[prefix] {
                found += values.map { Match(value: $0, length: length) }
            }
        }
        // Longest first; `sorted` is not stable, so order equal lengths by discovery.
        return found.enumerated()
            .sorted { $0.element.length != $1.element.length ? $0.element.length > $1.element.length : $0.offset < $1.offset }
            .map(\.element)
    }
}
