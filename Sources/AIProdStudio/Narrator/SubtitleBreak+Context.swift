extension SubtitleBreak {
    /// How well a subtitle breaks after each of `texts` (a narration's words, in order), with
    /// the sentence segmenter's rules (``Abbreviation``): a word ending in a dot that marks an
    /// abbreviation, an initial or a time, and a title written without its dot before a
    /// capital ("Dr Watson", "Mme Martin"), is ``bound``; any other word is read alone
    /// (``init(after:)``).
    static func breaks(after texts: [String]) -> [SubtitleBreak] {
        var breaks: [SubtitleBreak] = []
        breaks.reserveCapacity(texts.count)
        for index in texts.indices {
            let next = index + 1 < texts.count ? texts[index + 1].first : nil
            let previous = index > 0 ? texts[index - 1].drop { !($0.isLetter || $0.isNumber) } : nil
            let startsSentence = index == 0 || breaks[index - 1] == .sentence
            breaks.append(contextual(texts[index], previous: previous, next: next, startsSentence: startsSentence))
        }
        return breaks
    }

    private static func contextual(_ text: String, previous: Substring?, next: Character?, startsSentence: Bool) -> SubtitleBreak {
        let alone = SubtitleBreak(after: text)
        let word = text.drop { !($0.isLetter || $0.isNumber) }
        if alone == .none {
            // A title without its dot: "Mme Martin", "Dr Watson".
            return Abbreviation.titles.contains(String(word)) && next?.isUppercase == true ? .bound : alone
        }
        // Only a single dot right at the end: "etc.)" or "Mr.»" close something, "..." is an ellipsis.
        guard word.last == ".", word.dropLast().last != "." else { return alone }
        switch Abbreviation.classify(word.dropLast(), previous: previous, nextIsNumber: next?.isNumber == true, startsSentence: startsSentence) {
        case .binding: return .bound
        case .soft: return next.map { $0.isUppercase || SentenceSegmenter.openers.contains($0) } ?? true ? alone : .bound
        case nil: return alone
        }
    }
}
