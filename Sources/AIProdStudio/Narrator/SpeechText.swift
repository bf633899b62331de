import Foundation

/// A script cleaned twice, for the ear and for the eye, word by word (see ``SpeechTextCleaner``
/// for what goes): ``spoken`` is what espeak-ng reads, ``subtitle`` what the viewer sees, and
/// ``tokens`` pairs them so that a word event's character position finds its subtitle word.
///
/// Line structure shapes speech: a heading, a list item or a paragraph that ends without
/// punctuation is read as a sentence of its own (a `.` is added to the spoken form only), where
/// a single line break inside a paragraph is just a space.
public struct SpeechText: Sendable, Hashable {
    /// Every piece that shows in the subtitle, in order.
    public let tokens: [SpeechToken]
    /// The text handed to espeak-ng: the tokens' spoken forms joined by single spaces.
    public let spoken: String
    /// Indices of the tokens with a spoken form, in order (for ``tokenIndex(atCharacter:)``).
    private let spokenTokens: [Int]

    /// The subtitle text: the tokens' subtitle forms joined by single spaces.
    public var subtitle: String { tokens.map(\.subtitle).joined(separator: " ") }

    public init(_ text: String) {
        let lines = SpeechTextCleaner.removingMarkup(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map(Self.pieces)
        var tokens: [SpeechToken] = []
        for (index, line) in lines.enumerated() {
            var words = line.words
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            let standsAlone = line.isHeadingOrItem || next.map { $0.words.isEmpty || $0.isHeadingOrItem } ?? false
            if standsAlone, let last = words.lastIndex(where: { !$0.spoken.isEmpty }),
               let final = words[last].spoken.unicodeScalars.last, !".!?…:;,".unicodeScalars.contains(final) {
                words[last] = SpeechToken(subtitle: words[last].subtitle, spoken: words[last].spoken + ".", opensPhrase: words[last].opensPhrase)
            }
            tokens += words
        }
        var spoken = ""
        var offset = 0
        for index in tokens.indices where !tokens[index].spoken.isEmpty {
            if offset > 0 {
                spoken += " "
                offset += 1
            }
            tokens[index].spokenOffset = offset
            spoken += tokens[index].spoken
            offset += tokens[index].spokenLength
        }
        self.tokens = tokens
        self.spoken = spoken
        self.spokenTokens = tokens.indices.filter { !tokens[$0].spoken.isEmpty }
    }

    /// The token holding espeak-ng's character `position` (1-based, in Unicode scalars of
    /// ``spoken``, as its word events count); a position on a separating space belongs to the
    /// next token. Nil outside the text.
    public func tokenIndex(atCharacter position: Int) -> Int? {
        let target = position - 1
        guard target >= 0 else { return nil }
        // How many spoken tokens start at or before `target`.
        var low = 0
        var high = spokenTokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[spokenTokens[middle]].spokenOffset <= target { low = middle + 1 } else { high = middle }
        }
        if low > 0 {
            let candidate = tokens[spokenTokens[low - 1]]
            if target < candidate.spokenOffset + candidate.spokenLength { return spokenTokens[low - 1] }
        }
        return low < spokenTokens.count ? spokenTokens[low] : nil
    }

    /// One line's tokens, and whether it is a heading (`# Title`) or a list item (`- item`).
    private struct Line {
        var words: [SpeechToken]
        var isHeadingOrItem: Bool
    }

    private static func pieces(_ line: Substring) -> Line {
        var pieces = line.unicodeScalars
            .split { $0.properties.isWhitespace && !SpeechTextCleaner.isNoBreakSpace($0) }
            .map { Substring(String(String.UnicodeScalarView($0))) }
        var isHeadingOrItem = false
        if let first = pieces.first, first.allSatisfy({ $0 == "#" }) || ["-", "*", "+", "•"].contains(first) {
            pieces.removeFirst()
            isHeadingOrItem = true
        }
        let words = pieces.compactMap { piece -> SpeechToken? in
            let subtitle = subtitleForm(piece)
            guard !subtitle.isEmpty else { return nil }
            let spoken = spokenForm(subtitle)
            let opens = spoken.isEmpty && subtitle.unicodeScalars.allSatisfy(SpeechTextCleaner.isOpening)
            return SpeechToken(subtitle: subtitle, spoken: spoken, opensPhrase: opens)
        }
        return Line(words: words, isHeadingOrItem: isHeadingOrItem)
    }

    /// The piece without markdown emphasis (`*`, `` ` ``, `~~`, and `_` at a word's edge) and
    /// without a heading's `#`s; a URL stays as written.
    static func subtitleForm(_ piece: Substring) -> String {
        if SpeechTextCleaner.urlRange(in: piece) != nil { return String(piece) }
        if piece.allSatisfy({ $0 == "#" }) { return "" }
        let scalars = Array(piece.unicodeScalars)
        func isWordy(_ index: Int) -> Bool {
            scalars.indices.contains(index) && (scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil)
        }
        var kept = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "*", "`": continue
            case "~" where index + 1 < scalars.count && scalars[index + 1] == "~": continue
            case "~" where index > 0 && scalars[index - 1] == "~": continue
            case "_" where !(isWordy(index - 1) && isWordy(index + 1)): continue
            default: kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// The subtitle form as espeak-ng should read it: the URL removed, unspeakable symbols and
    /// no-break spaces turned into spaces (espeak-ng reads "100 000" with a no-break space as
    /// "cent zéro zéro zéro"), spaces collapsed; with nothing left to say, brackets and quotes
    /// go too, and the punctuation that shapes the sentence stays.
    static func spokenForm(_ subtitle: String) -> String {
        var text = Substring(subtitle)
        var withoutURL = subtitle
        if let url = SpeechTextCleaner.urlRange(in: text) {
            withoutURL = String(text[..<url.lowerBound]) + String(text[url.upperBound...])
            text = Substring(withoutURL)
        }
        var kept = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || SpeechTextCleaner.isNoBreakSpace(scalar) || !SpeechTextCleaner.isSpeakable(scalar) {
                pendingSpace = !kept.isEmpty
                continue
            }
            if pendingSpace {
                kept.append(" ")
                pendingSpace = false
            }
            kept.append(scalar)
        }
        var spoken = String(kept)
        let saysSomething = spoken.unicodeScalars.contains {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || Self.isSymbol($0.properties.generalCategory)
        }
        if !saysSomething {
            spoken = String(String.UnicodeScalarView(spoken.unicodeScalars.filter {
                !SpeechTextCleaner.isOpening($0) && !"()[]{}\"'»”’".unicodeScalars.contains($0)
                    && $0.properties.generalCategory != .closePunctuation && $0.properties.generalCategory != .finalPunctuation
            })).trimmingCharacters(in: .whitespaces)
        }
        return spoken
    }

    /// Math, currency, modifier and other symbols: things espeak-ng names ("euros", "degrees").
    private static func isSymbol(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }
}
