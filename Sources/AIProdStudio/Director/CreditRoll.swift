import AIProdCore

/// The closing card that credits what a licence asks to be credited (CC BY sounds, pictures,
/// music): the job's title over its attribution lines, on the preset's gradient, faded in from
/// the last scene. Many lines become several cards' worth, one text layer each, shown in turn
/// within the one clip, so the timeline's shape (one clip per scene, then this) stays simple.
public enum CreditRoll {
    /// Lines on one card: more would shrink the text below what a phone shows legibly.
    public static let linesPerCard = 8
    /// Cards in one roll: in the longest roll each still stays nearly two seconds on screen.
    public static let maxCards = 5
    /// The roll's length grows with its lines, within these bounds (seconds).
    public static let minSeconds = 3
    public static let maxSeconds = 10
    /// A line's bound in characters: an attribution line (title, author, link, licence) whole.
    public static let maxLineCharacters = 200
    public static let maxTitleCharacters = 60
    /// A card's text in characters, below the 500 a text layer may hold.
    static let maxCardCharacters = 440

    /// nil when there is nothing to credit (no line with text). Lines beyond what
    /// ``maxCards`` cards hold end in "… and N more (see credits.txt)".
    public static func clip(lines: [String], preset: Preset, title: String) -> Clip? {
        let lines = lines.map { oneLine($0, limit: maxLineCharacters) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let heading = oneLine(title, limit: maxTitleCharacters)
        let cards = self.cards(lines, heading: heading)
        let shown = cards.reduce(0) { $0 + $1.count }
        let fps = preset.fps
        let seconds = min(maxSeconds, max(minSeconds, 2 + (shown + 1) / 2))
        let frames = Rational(seconds).rounded(toUnitsOf: fps)
        let transition = min(max(1, preset.transitionSeconds.rounded(toUnitsOf: fps)), frames / 4)
        let fade = min(Rational(2, 5), Rational(frames - transition) / fps / Rational(4 * cards.count))
        let size = max(12, preset.height * 45 / 1000)
        let text = cards.enumerated().map { index, card in
            let start = transition + (frames - transition) * Int64(index) / Int64(cards.count)
            let end = transition + (frames - transition) * Int64(index + 1) / Int64(cards.count)
            let body = (heading.isEmpty ? "" : heading + "\n\n") + card.joined(separator: "\n")
            return TextLayer(text: body, placement: .title, font: preset.bodyFont, size: size,
                             start: Rational(start) / fps, end: Rational(end) / fps,
                             fadeIn: fade, fadeOut: fade)
        }
        let (from, to) = preset.colors(for: .calm)
        return Clip(duration: Rational(frames) / fps, content: .gradient(GradientCard(from: from, to: to, angle: 90, motion: true)),
                    text: text, transition: Transition(kind: .fade, duration: Rational(transition) / fps))
    }

    /// The lines in cards of at most ``linesPerCard`` lines and ``maxCardCharacters`` with the
    /// heading; past ``maxCards`` the last line says how many more there are.
    static func cards(_ lines: [String], heading: String) -> [[String]] {
        var cards: [[String]] = []
        var current: [String] = []
        let empty = heading.isEmpty ? 0 : heading.count + 2
        var used = empty
        for line in lines {
            if !current.isEmpty, current.count == linesPerCard || used + line.count + 1 > maxCardCharacters {
                cards.append(current)
                current = []
                used = empty
            }
            current.append(line)
            used += line.count + 1
        }
        cards.append(current)
        guard cards.count > maxCards else { return cards }
        cards = Array(cards.prefix(maxCards))
        let more = lines.count - cards.reduce(0) { $0 + $1.count } + 1
        cards[maxCards - 1][cards[maxCards - 1].count - 1] = "… and \(more) more (see credits.txt)"
        return cards
    }

    /// `text` on one line, as a card or a credits file prints a provider's words: control
    /// characters, newlines and lone format characters (bidi overrides) become spaces, runs
    /// of spaces one, trimmed, and cut at `limit` characters with "…".
    public static func oneLine(_ text: String, limit: Int) -> String {
        var result = ""
        var count = 0
        var space = false
        for character in text {
            if isBlank(character) {
                space = count > 0
                continue
            }
            let added = space ? 2 : 1
            if count + added > limit { return String(result.prefix(max(0, limit - 1))) + "…" }
            if space { result.append(" ") }
            result.append(character)
            count += added
            space = false
        }
        return result
    }

    /// A format character alone (a bidi override) is blank; inside a cluster (the joiner of an
    /// emoji sequence) it is part of a visible character.
    private static func isBlank(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        return character.isWhitespace || scalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: true
            case .format: scalars.count == 1
            default: false
            }
        }
    }
}
