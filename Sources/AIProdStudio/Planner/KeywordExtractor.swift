import AIProdCore

/// A scene's content words, most relevant first: what the director searches stock footage and
/// images with, and what a reviewer skims.
///
/// Relevance is plain frequency (a scene repeats what it is about), ties going to the word that
/// came first; no randomness, so keywords never depend on the seed. Words are lowercase, without
/// punctuation or French elision ("l'orage" → "orage"), hyphenated words are split ("arc-en-ciel"
/// → "arc", "ciel"), and function words of both languages, words under three letters and bare
/// numbers are left out.
struct KeywordExtractor: Sendable {
    /// Keywords kept per scene.
    var limit = 8

    /// The keywords of a scene given its words, as ``WordTokenizer/normalized(_:)`` gives them.
    func keywords(in words: [String], language: Language) -> [String] {
        var counts: [String: (count: Int, first: Int)] = [:]
        var position = 0
        for word in words {
            for part in word.split(separator: "-") {
                position += 1
                let candidate = String(part)
                guard isContentWord(candidate, language: language) else { continue }
                if let seen = counts[candidate] {
                    counts[candidate] = (seen.count + 1, seen.first)
                } else {
                    counts[candidate] = (1, position)
                }
            }
        }
        return counts
            .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value.first < $1.value.first }
            .prefix(limit)
            .map(\.key)
    }

    private func isContentWord(_ word: String, language: Language) -> Bool {
        guard word.count >= 3, word.contains(where: \.isLetter),
              word.allSatisfy({ $0.isLetter || $0 == "'" })
        else { return false }
        return !StopWords.contains(word, language: language)
    }
}
