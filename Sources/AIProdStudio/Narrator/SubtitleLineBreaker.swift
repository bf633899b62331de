/// Lays a cue's words out in lines of at most `maxLineLength` characters, at most `maxLines`
/// lines, never splitting a word; for two lines, breaks after punctuation when that does not
/// leave the lines very uneven, otherwise where they are most even (a line ending mid-phrase
/// reads worse than two lines of different lengths).
struct SubtitleLineBreaker: Sendable {
    var maxLineLength: Int
    var maxLines: Int

    /// How much more uneven two lines may be, in characters, to end the first at a full stop
    /// (30) or a comma (20) rather than mid-phrase.
    static func bonus(_ kind: SubtitleBreak) -> Int {
        switch kind {
        case .sentence: return 30
        case .clause: return 20
        case .none: return 0
        }
    }

    /// The lines for `words` (each a word timing's text), or nil when they do not fit. A word
    /// timing's text too long for one line (a word with a URL riding along) is broken at its
    /// spaces. A single word too long for any line (a long URL) is never split: it gets a line of
    /// its own, the only line allowed to be longer.
    func lines(_ words: [String]) -> [String]? {
        let atoms = words.flatMap(atoms)
        guard !atoms.isEmpty else { return [] }
        let total = atoms.reduce(atoms.count - 1) { $0 + $1.count }
        if total <= maxLineLength || atoms.count == 1 { return [atoms.joined(separator: " ")] }
        guard maxLines == 2 else {
            let lines = greedy(atoms)
            return lines.count <= maxLines || words.count == 1 ? lines : nil
        }
        var best: (cost: Int, split: Int)?
        var first = -1
        for split in 1..<atoms.count {
            first += atoms[split - 1].count + 1
            let second = total - first - 1
            guard first <= maxLineLength || split == 1, second <= maxLineLength || split == atoms.count - 1 else { continue }
            let cost = abs(first - second) - Self.bonus(SubtitleBreak(after: atoms[split - 1]))
            if best.map({ cost < $0.cost }) ?? true { best = (cost, split) }
        }
        guard let best else { return words.count == 1 ? greedy(atoms) : nil }
        return [atoms[..<best.split].joined(separator: " "), atoms[best.split...].joined(separator: " ")]
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
