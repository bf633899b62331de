/// Lays a cue's words out in lines of at most `maxLineLength` characters, at most `maxLines`
/// lines, never splitting a word; for two lines, breaks after punctuation when that does not
/// leave the lines very uneven, otherwise where they are most even (a line ending mid-phrase
/// reads worse than two lines of different lengths), and never between an abbreviation and
/// the word it belongs to ("Mr." / "Elias") unless nothing else fits.
struct SubtitleLineBreaker: Sendable {
    var maxLineLength: Int
    var maxLines: Int

    /// A cue's lines, and how well the break after the first line reads.
    struct Layout: Sendable, Hashable {
        var lines: [String]
        var firstBreak: SubtitleBreak
    }

    /// How much more uneven two lines may be, in characters, to end the first at a full stop
    /// (30) or a comma (20) rather than mid-phrase; an abbreviation bound to the next word costs
    /// more than any unevenness a line allows.
    static func bonus(_ kind: SubtitleBreak) -> Int {
        switch kind {
        case .sentence: return 30
        case .clause: return 20
        case .none: return 0
        case .bound: return -100
        }
    }

    /// The lines for `words`, their breaks read in context (``SubtitleBreak/breaks(after:)``).
    func lines(_ words: [String]) -> [String]? {
        layout(words, breaks: SubtitleBreak.breaks(after: words))?.lines
    }

    /// The lines for `words` (each a word timing's text) whose breaks are `breaks`, or nil when
    /// they do not fit. A word timing's text too long for one line (a word with a URL riding
    /// along) is broken at its spaces. A single word too long for any line (a long URL) is never
    /// split: it gets a line of its own, the only line allowed to be longer.
    func layout(_ words: [String], breaks: [SubtitleBreak]) -> Layout? {
        var atoms: [String] = [], atomBreaks: [SubtitleBreak] = []
        for (word, kind) in zip(words, breaks) {
            let pieces = self.atoms(word)
            atoms += pieces
            atomBreaks += pieces.dropLast().map { SubtitleBreak(after: $0) } + [kind]
        }
        guard !atoms.isEmpty else { return Layout(lines: [], firstBreak: .none) }
        let total = atoms.reduce(atoms.count - 1) { $0 + $1.count }
        if total <= maxLineLength || atoms.count == 1 { return Layout(lines: [atoms.joined(separator: " ")], firstBreak: .none) }
        guard maxLines == 2 else {
            let lines = greedy(atoms)
            return lines.count <= maxLines || words.count == 1 ? Layout(lines: lines, firstBreak: SubtitleBreak(after: lines[0])) : nil
        }
        var best: (cost: Int, split: Int)?
        var first = -1
        for split in 1..<atoms.count {
            first += atoms[split - 1].count + 1
            let second = total - first - 1
            guard first <= maxLineLength || split == 1, second <= maxLineLength || split == atoms.count - 1 else { continue }
            let cost = abs(first - second) - Self.bonus(atomBreaks[split - 1])
            if best.map({ cost < $0.cost }) ?? true { best = (cost, split) }
        }
        guard let best else {
            guard words.count == 1 else { return nil }
            let lines = greedy(atoms)
            return Layout(lines: lines, firstBreak: SubtitleBreak(after: lines[0]))
        }
        return Layout(
            lines: [atoms[..<best.split].joined(separator: " "), atoms[best.split...].joined(separator: " ")],
            firstBreak: atomBreaks[best.split - 1])
    }

    /// A word timing's text as unbreakable pieces: whole if it fits a line, else its
    /// space-separated parts packed into lines.
    private func atoms(_ text: String) -> [String] {
        guard text.count > maxLineLength else { return [text] }
        return greedy(text.split(separator: " ").map(String.init))
    }

    /// Fills lines left to right, a part too long for a line on a line of its own.
    private func greedy(_ parts: [String]) -> [String] {
        var lines: [String] = []
        for part in parts {
            if let last = lines.last, last.count + 1 + part.count <= maxLineLength {
                lines[lines.count - 1] = last + " " + part
            } else {
                lines.append(part)
            }
        }
        return lines
    }
}
