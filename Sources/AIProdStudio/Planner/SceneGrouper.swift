/// Cuts a script's body into scenes: the units that get one mood, one picture or clip, one
/// music cue and one transition.
///
/// - A blank line ends a paragraph; each paragraph is a scene.
/// - A heading line (`##`, or any `#` after the title) starts a scene and gives it its heading;
///   it is not narrated. Paragraphs after the first under a heading are scenes of their own.
/// - A paragraph longer than twice ``targetSeconds`` of speech is split at sentence boundaries
///   into parts of about ``targetSeconds`` each (a sentence is never cut; one long sentence stays
///   one scene).
/// - A tiny scene (under a quarter of ``targetSeconds``) is merged with a neighbour: into the
///   scene before it, or it takes in the scene after it, as long as the scene merged in has no
///   heading of its own and the result stays under twice ``targetSeconds``.
/// Lengths are the same estimate ``SpeechPacer`` makes, at the voice's rate.
struct SceneGrouper: Sendable {
    /// A scene before planning: its `##` heading, if it has one, and its sentences.
    struct Block: Sendable, Hashable {
        var heading: String?
        var sentences: [String]
    }

    var wordsPerMinute: Int
    /// Seconds of speech a scene aims for.
    var targetSeconds = 12
    var segmenter = SentenceSegmenter()

    func group(_ lines: [Substring]) -> [Block] {
        let paragraphs = self.paragraphs(lines)
        let split = paragraphs.flatMap(self.split)
        return merged(split)
    }

    /// Headings and blank-line separated paragraphs, segmented into sentences.
    func paragraphs(_ lines: [Substring]) -> [Block] {
        var blocks: [Block] = []
        var pendingHeading: String?
        var paragraph: [Substring] = []
        func close() {
            defer { paragraph.removeAll() }
            guard !paragraph.isEmpty else { return }
            let sentences = segmenter.sentences(in: paragraph.joined(separator: "\n"))
            guard !sentences.isEmpty else { return }
            blocks.append(Block(heading: pendingHeading, sentences: sentences))
            pendingHeading = nil
        }
        for line in lines {
            if let heading = MarkdownHeading(line: line) {
                close()
                // Shortened like the title: a heading is drawn on screen, not read.
                if !heading.text.isEmpty { pendingHeading = TitleExtractor().shortened(heading.text) }
            } else if line.allSatisfy(\.isWhitespace) {
                close()
            } else {
                paragraph.append(line)
            }
        }
        close()
        return blocks
    }

    /// `block` in parts of about ``targetSeconds`` when it runs over twice that.
    func split(_ block: Block) -> [Block] {
        let lengths = block.sentences.map(milliseconds)
        let total = lengths.reduce(0, +)
        let target = Int64(targetSeconds) * 1000
        guard block.sentences.count > 1, total > 2 * target else { return [block] }
        let parts = min(block.sentences.count, max(2, Int((total + target / 2) / target)))
        var cumulative: [Int64] = [0]
        for length in lengths { cumulative.append(cumulative.last! + length) }
        var cuts: [Int] = [0]
        for part in 1..<parts {
            let ideal = total * Int64(part) / Int64(parts)
            let lowest = cuts.last! + 1, highest = block.sentences.count - (parts - part)
            // `cumulative` only grows: the first candidate at or past the ideal, or the one
            // before it, is the closest (the earlier on a tie). Binary search keeps thousands of
            // one-word sentences linear-logarithmic instead of parts × sentences.
            var low = lowest, high = highest
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < ideal { low = middle + 1 } else { high = middle }
            }
            var best = low
            if best > lowest, abs(cumulative[best - 1] - ideal) <= abs(cumulative[best] - ideal) { best -= 1 }
            cuts.append(best)
        }
        cuts.append(block.sentences.count)
        return (0..<parts).map { part in
            Block(heading: part == 0 ? block.heading : nil, sentences: Array(block.sentences[cuts[part]..<cuts[part + 1]]))
        }
    }

    /// Tiny scenes joined to a neighbour.
    func merged(_ blocks: [Block]) -> [Block] {
        let target = Int64(targetSeconds) * 1000
        let tiny = target / 4
        var result: [Block] = []
        var lengths: [Int64] = []
        for block in blocks {
            let length = block.sentences.map(milliseconds).reduce(0, +)
            if let last = lengths.last, block.heading == nil, length < tiny || last < tiny, last + length <= 2 * target {
                result[result.count - 1].sentences += block.sentences
                lengths[lengths.count - 1] += length
            } else {
                result.append(block)
                lengths.append(length)
            }
        }
        return result
    }

    /// A scene heading from its first words, when it has no `##` heading: up to six words of its
    /// first sentence, without quotes, dashes or a final punctuation mark, "…" when cut.
    static func heading(from sentences: [String], words limit: Int = 6) -> String {
        guard let first = sentences.first else { return "" }
        let words = first.split(whereSeparator: \.isWhitespace).filter(WordTokenizer.isWord)
        let joined = words.prefix(limit).joined(separator: " ")
        // Trimmed by index, once: `removeFirst()` in a loop is quadratic on a word of 50,000 dashes.
        let text = joined
            .drop { !($0.isLetter || $0.isNumber) }
            .reversed().drop { !($0.isLetter || $0.isNumber || $0 == "?" || $0 == "!") }.reversed()
        return words.count > limit ? String(text) + "…" : String(text)
    }

    private func milliseconds(_ sentence: String) -> Int64 {
        SpeechPacer.speechMilliseconds(words: WordTokenizer.words(in: sentence).count, sentences: 1, wordsPerMinute: wordsPerMinute)
    }
}
