/// Cuts a script's body into scenes: the units that get one mood, one picture or clip, one
/// music cue and one transition.
///
/// - A blank line ends a paragraph; each paragraph is a scene.
/// - A heading line (`##`, or any `#` after the title) starts a scene and gives it its heading;
///   it is not narrated. Paragraphs after the first under a heading are scenes of their own.
/// - A paragraph longer than ``targetSeconds`` of speech is split at sentence boundaries into
///   as few scenes as keep each within ``targetSeconds``, cut where they come out most even (a
///   sentence is never cut: one sentence longer than that is a scene of its own). A long
///   paragraph with no blank line is several scenes, several cards, not one long one.
/// - A tiny scene (under a quarter of ``targetSeconds``) is merged with a neighbour: into the
///   scene before it, or it takes in the scene after it, as long as the scene merged in has no
///   heading of its own and the result stays within ``targetSeconds``.
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

    /// `block` in parts of at most ``targetSeconds`` (or one sentence) when it runs over that:
    /// as few parts as allow it, each as close to an even share as sentence boundaries allow;
    /// where the closest cuts leave a part too long, the cuts that make the longest part
    /// shortest.
    func split(_ block: Block) -> [Block] {
        let lengths = block.sentences.map(milliseconds)
        let total = lengths.reduce(0, +)
        let target = Int64(targetSeconds) * 1000
        guard block.sentences.count > 1, total > target else { return [block] }
        let parts = Self.greedyCuts(lengths, cap: target).count - 1
        var cuts = Self.closestCuts(lengths, parts: parts)
        if !Self.fits(lengths, cuts: cuts, cap: target) {
            // The shortest longest part that still takes `parts` parts: the greedy count only
            // grows as the cap shrinks, so binary search finds it.
            var low = min((total + Int64(parts) - 1) / Int64(parts), target), high = target
            while low < high {
                let middle = (low + high) / 2
                if Self.greedyCuts(lengths, cap: middle).count - 1 <= parts { high = middle } else { low = middle + 1 }
            }
            cuts = Self.greedyCuts(lengths, cap: low)
        }
        return (0..<(cuts.count - 1)).map { part in
            Block(heading: part == 0 ? block.heading : nil, sentences: Array(block.sentences[cuts[part]..<cuts[part + 1]]))
        }
    }

    /// Cuts that fill each part in turn up to `cap` (a sentence longer than `cap` alone): the
    /// fewest parts within `cap`. From 0 to `lengths.count`.
    static func greedyCuts(_ lengths: [Int64], cap: Int64) -> [Int] {
        var cuts = [0]
        var current: Int64 = 0
        for (index, length) in lengths.enumerated() {
            if current > 0, current + length > cap {
                cuts.append(index)
                current = 0
            }
            current += length
        }
        cuts.append(lengths.count)
        return cuts
    }

    /// Whether every part of more than one sentence is within `cap`.
    static func fits(_ lengths: [Int64], cuts: [Int], cap: Int64) -> Bool {
        (0..<(cuts.count - 1)).allSatisfy { part in
            cuts[part + 1] - cuts[part] == 1 || lengths[cuts[part]..<cuts[part + 1]].reduce(0, +) <= cap
        }
    }

    /// Cuts into `parts` parts, each cut the sentence boundary closest to its even share.
    static func closestCuts(_ lengths: [Int64], parts: Int) -> [Int] {
        let total = lengths.reduce(0, +)
        var cumulative: [Int64] = [0]
        for length in lengths { cumulative.append(cumulative.last! + length) }
        var cuts: [Int] = [0]
        for part in 1..<parts {
            let ideal = total * Int64(part) / Int64(parts)
            let lowest = cuts.last! + 1, highest = lengths.count - (parts - part)
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
        cuts.append(lengths.count)
        return cuts
    }

    /// Tiny scenes joined to a neighbour.
    func merged(_ blocks: [Block]) -> [Block] {
        let target = Int64(targetSeconds) * 1000
        let tiny = target / 4
        var result: [Block] = []
        var lengths: [Int64] = []
        for block in blocks {
            let length = block.sentences.map(milliseconds).reduce(0, +)
            if let last = lengths.last, block.heading == nil, length < tiny || last < tiny, last + length <= target {
                result[result.count - 1].sentences += block.sentences
                lengths[lengths.count - 1] += length
            } else {
                result.append(block)
                lengths.append(length)
            }
        }
        return result
    }

    private func milliseconds(_ sentence: String) -> Int64 {
        SpeechPacer.speechMilliseconds(words: WordTokenizer.words(in: sentence).count, sentences: 1, wordsPerMinute: wordsPerMinute)
    }
}
