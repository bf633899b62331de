/// Makes text fit a box: wraps at spaces (and between any two CJK characters, which have no
/// spaces) into lines as even as possible, keeps explicit newlines, shrinks the font when a
/// single word is still too wide or the lines too tall, down to a floor size; at the floor it
/// breaks a word anywhere between two characters and, if the lines are still too tall, keeps
/// those that fit and ends with "…". Widths come from the real font (``FontFace``), so the
/// result holds for what is drawn.
struct TextFitter {
    let measure: any TextMeasuring
    /// Largest line width in pixels.
    let maxWidth: Int
    /// Largest block height in pixels.
    let maxHeight: Int
    /// Extra space between line boxes at a font size.
    var lineGap: (Int) -> Int = { max(1, $0 / 10) }

    static let ellipsis = "\u{2026}"

    /// The largest size from `preferred` down to `floor` at which the text fits.
    func fit(_ text: String, preferred: Int, floor: Int) -> FittedText {
        let paragraphs = Self.paragraphs(text)
        let floor = max(1, min(floor, preferred))
        var size = max(floor, preferred)
        while true {
            switch wrap(paragraphs, size: size, breakWords: size == floor) {
            case .fits(let fitted):
                return balanced(fitted, paragraphs)
            case .tooWide(let needed) where size > floor:
                // Scale straight to where the widest word would fit, then step down by one
                // pixel at a time if hinting rounds it the other way.
                let scaled = Int((Double(size) * Double(maxWidth) / Double(max(needed, 1))).rounded(.down))
                size = max(floor, min(size - 1, scaled))
            case .tooTall where size > floor:
                size = max(floor, min(size - 1, Int((Double(size) * 0.9).rounded(.down))))
            case .tooWide, .tooTall:
                return truncated(paragraphs, size: floor)
            }
        }
    }

    /// The same number of lines at the same size, as even as they can be: the narrowest width
    /// that still gives that many lines without breaking a word ("Morning in the Harbour /
    /// Town" becomes "Morning in the / Harbour Town"). Greedy wrapping only gains lines as the
    /// width shrinks, so a binary search finds it.
    private func balanced(_ fitted: FittedText, _ paragraphs: [[Unit]]) -> FittedText {
        guard fitted.lines.count > 1, !fitted.truncated else { return fitted }
        var best = fitted
        var low = 1, high = fitted.width
        while low < high {
            let middle = (low + high) / 2
            let narrower = TextFitter(measure: measure, maxWidth: middle, maxHeight: maxHeight, lineGap: lineGap)
            if case .fits(let trial) = narrower.wrap(paragraphs, size: fitted.size, breakWords: false), trial.lines.count == fitted.lines.count {
                best = trial
                high = middle
            } else {
                low = middle + 1
            }
        }
        return best
    }

    private enum Attempt {
        case fits(FittedText)
        /// A word alone is this wide.
        case tooWide(Int)
        case tooTall
    }

    private func wrap(_ paragraphs: [[Unit]], size: Int, breakWords: Bool) -> Attempt {
        let box = measure.lineBox(size: size)
        let pitch = box.ascent + box.descent + lineGap(size)
        // Lines that can fit by the line box alone; one more shows the text is too tall.
        let limit = max(1, (maxHeight - box.ascent - box.descent) / max(pitch, 1) + 1)
        var lines: [String] = []
        for paragraph in paragraphs {
            switch wrap(paragraph, size: size, breakWords: breakWords, into: &lines, limit: limit + 1) {
            case .some(let width): return .tooWide(width)
            case .none: break
            }
            if lines.count > limit { return .tooTall }
        }
        let fitted = block(lines, size: size, pitch: pitch, box: box, truncated: false)
        return fitted.height <= maxHeight ? .fits(fitted) : .tooTall
    }

    /// Greedy line filling; returns the width of a word that does not fit alone (when words may
    /// not be broken), else nil. Stops once `limit` lines are made.
    private func wrap(_ units: [Unit], size: Int, breakWords: Bool, into lines: inout [String], limit: Int) -> Int? {
        var line = ""
        for unit in units {
            if lines.count >= limit { return nil }
            let candidate = line.isEmpty ? unit.text : line + (unit.spaceBefore ? " " : "") + unit.text
            if measure.extent(of: candidate, size: size).width <= maxWidth {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            let alone = measure.extent(of: unit.text, size: size).width
            if alone <= maxWidth {
                line = unit.text
            } else if !breakWords {
                return alone
            } else {
                for piece in pieces(of: unit.text, size: size) {
                    let longer = line + piece
                    if line.isEmpty || measure.extent(of: longer, size: size).width <= maxWidth {
                        line = longer
                    } else {
                        lines.append(line)
                        if lines.count >= limit { return nil }
                        line = piece
                    }
                }
            }
        }
        lines.append(line)
        return nil
    }

    /// A word as the pieces it may be broken into: its characters, and the code points of a
    /// character that is too wide on its own (a letter under hundreds of marks or variation
    /// selectors, each drawn as a box where the font lacks it).
    private func pieces(of word: String, size: Int) -> [String] {
        word.flatMap { character -> [String] in
            let whole = String(character)
            guard character.unicodeScalars.count > 1, measure.extent(of: whole, size: size).width > maxWidth else { return [whole] }
            return character.unicodeScalars.map { String($0) }
        }
    }

    /// At the floor size: the lines that fit, the last one ending in "…".
    private func truncated(_ paragraphs: [[Unit]], size: Int) -> FittedText {
        let box = measure.lineBox(size: size)
        let pitch = box.ascent + box.descent + lineGap(size)
        let limit = max(1, (maxHeight - box.ascent - box.descent) / max(pitch, 1) + 1)
        var all: [String] = []
        for paragraph in paragraphs where all.count <= limit {
            _ = wrap(paragraph, size: size, breakWords: true, into: &all, limit: limit + 1)
        }
        var keep = all.count
        while keep > 1, block(Array(all.prefix(keep)), size: size, pitch: pitch, box: box, truncated: true).height > maxHeight {
            keep -= 1
        }
        var lines = Array(all.prefix(keep))
        if keep < all.count, var last = lines.popLast() {
            while !last.isEmpty, measure.extent(of: last + Self.ellipsis, size: size).width > maxWidth { last.removeLast() }
            while last.last == " " { last.removeLast() }
            lines.append(last + Self.ellipsis)
        }
        return block(lines, size: size, pitch: pitch, box: box, truncated: keep < all.count)
    }

    /// The block's height: line boxes at `pitch`, widened by any ink that reaches beyond them.
    private func block(_ lines: [String], size: Int, pitch: Int, box: (ascent: Int, descent: Int), truncated: Bool) -> FittedText {
        let extents = lines.map { measure.extent(of: $0, size: size) }
        var top = box.ascent, bottom = (lines.count - 1) * pitch + box.descent
        for (index, extent) in extents.enumerated() where extent.height > 0 {
            top = max(top, extent.ascent - index * pitch)
            bottom = max(bottom, index * pitch + extent.descent)
        }
        return FittedText(size: size, lines: lines, extents: extents, pitch: pitch, top: top, height: top + bottom, truncated: truncated)
    }

    /// A piece of text that stays on one line: a word, or one CJK character.
    struct Unit: Hashable {
        var text: String
        /// A space separates it from the previous unit (printed unless a line breaks there).
        var spaceBefore: Bool
    }

    /// The text's paragraphs (split at explicit newlines: `\n`, `\r\n`, `\r`, form feed,
    /// vertical tab and the Unicode separators) as units; tabs count as spaces and other control
    /// characters are dropped.
    static func paragraphs(_ text: String) -> [[Unit]] {
        var paragraphs: [[Unit]] = []
        var units: [Unit] = []
        var word = "", space = false
        func flush() {
            if !word.isEmpty { units.append(Unit(text: word, spaceBefore: space && !units.isEmpty)); space = false }
            word = ""
        }
        for character in text {
            if character.isNewline {
                flush()
                paragraphs.append(units)
                units = []
                space = false
            } else if character.isWhitespace {
                flush()
                space = true
            } else if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
                continue
            } else if isCJK(character) {
                flush()
                units.append(Unit(text: String(character), spaceBefore: space && !units.isEmpty))
                space = false
            } else {
                word.append(character)
            }
        }
        flush()
        paragraphs.append(units)
        return paragraphs
    }

    /// Scripts written without spaces, where a line may break between any two characters:
    /// CJK ideographs, kana, hangul, CJK punctuation and full-width forms.
    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value else { return false }
        switch scalar {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF,
             0x3200...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
