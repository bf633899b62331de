import AIProdCore

/// Builds subtitle cues from a narration's word timings, so subtitles follow the voice to the
/// sample.
///
/// The rules (the usual broadcast ones): at most 42 characters a line and 2 lines a cue; a cue
/// shows 1 to 7 seconds; cues break after a sentence where they can, else after a clause (`,`
/// `;` `:` or a pause in the voice), never inside a word, and not between an abbreviation, an
/// initial or a time and the word after it ("Mr." / "Elias", "J." / "R.", "p.m." / "the": the
/// planner's ``Abbreviation`` rules, so a cue ends where a sentence does). A cue appears exactly when its
/// first word is heard (never ahead of the voice) and goes when its last word ends; a cue
/// shorter than a second stays on into the silence after it, up to a second, but never into
/// the next cue. Cues never overlap.
///
/// The words are cut into cues by dynamic programming over the whole narration rather than
/// greedily, so that filling one cue never forces a short, badly broken one after it.
public struct SubtitleCueBuilder: Sendable {
    public var maxLineLength = 42
    public var maxLines = 2
    /// Seconds.
    public var minimumDuration = Rational(1)
    /// Seconds.
    public var maximumDuration = Rational(7)

    public init() {}

    /// The cues for a narration placed at sample `offset` (48 kHz) of the timeline. `limit`: the
    /// narration-relative sample no cue may reach past (where the next narration starts); nil
    /// for none.
    public func cues(for narration: Narration, at offset: Int64 = 0, limit: Int64? = nil) -> [SubtitleCue] {
        cues(for: narration.words, offset: offset, sampleRate: Narration.sampleRate, limit: limit)
    }

    /// The cues for `words` (samples at `sampleRate` from the narration's start, in order, not
    /// overlapping), their narration placed at sample `offset` of the timeline. Cue times are
    /// exact: `(offset + sample) / sampleRate` seconds.
    public func cues(for words: [WordTiming], offset: Int64 = 0, sampleRate: Int = 48_000, limit: Int64? = nil) -> [SubtitleCue] {
        let words = words.filter { !$0.text.allSatisfy(\.isWhitespace) }
        guard !words.isEmpty else { return [] }
        let rate = Int64(sampleRate)
        let minimum = minimumDuration.samples(at: sampleRate)
        let maximum = maximumDuration.samples(at: sampleRate)
        let breaker = SubtitleLineBreaker(maxLineLength: maxLineLength, maxLines: maxLines)
        let texts = words.map { $0.text.split { $0 == " " || $0.isNewline }.joined(separator: " ") }
        let breaks = SubtitleBreak.breaks(after: texts)

        // best[j]: the cheapest way to cut words[0..<j] into cues, and where its last cue starts.
        let count = words.count
        var best = [(cost: Int, start: Int, lines: [String])](repeating: (Int.max, -1, []), count: count + 1)
        best[0] = (0, -1, [])
        for start in 0..<count {
            var internalSentences = 0
            for end in (start + 1)...count {
                let span = words[end - 1].endSample - words[start].startSample
                if end > start + 1, span > maximum { break }
                // A lone word always has lines, so every `best` entry is reachable.
                guard let layout = breaker.layout(Array(texts[start..<end]), breaks: Array(breaks[start..<end])) else { break }
                let cost = best[start].cost + cueCost(words, breaks: breaks, start: start, end: end, minimum: minimum, limit: limit)
                    + 8 * internalSentences + (layout.lines.count > 1 ? Self.lineBreakCost(layout.firstBreak) : 0)
                if cost < best[end].cost { best[end] = (cost, start, layout.lines) }
                if breaks[end - 1] == .sentence { internalSentences += 1 }
            }
        }

        var ranges: [(range: Range<Int>, lines: [String])] = []
        var end = count
        while end > 0 {
            ranges.append((best[end].start..<end, best[end].lines))
            end = best[end].start
        }
        ranges.reverse()

        var cues: [SubtitleCue] = []
        for (index, cue) in ranges.enumerated() {
            let start = words[cue.range.lowerBound].startSample
            var stop = words[cue.range.upperBound - 1].endSample
            if stop - start < minimum {
                let room = index + 1 < ranges.count ? words[ranges[index + 1].range.lowerBound].startSample : limit ?? Int64.max
                stop = max(stop, min(start + minimum, room))
            }
            stop = min(stop, start + maximum)
            cues.append(SubtitleCue(
                start: Rational(offset + start, rate), end: Rational(offset + stop, rate),
                text: cue.lines.joined(separator: "\n")))
        }
        return cues
    }

    /// What breaking a cue's two lines after `kind` costs: nothing after punctuation, a little
    /// mid-phrase, much between an abbreviation and its word.
    private static func lineBreakCost(_ kind: SubtitleBreak) -> Int {
        switch kind {
        case .sentence, .clause: return 0
        case .none: return 4
        case .bound: return 20
        }
    }

    /// What a cue of `words[start..<end]` costs: some for every cue (so cues are full), more the
    /// worse the break after it, much more if it must show for less than the minimum. (The
    /// caller adds the cue's inside: each sentence it runs across, and a line broken mid-phrase.)
    /// Two short sentences share a cue, a line each; a short one does not pull half of a long
    /// one into its cue.
    private func cueCost(_ words: [WordTiming], breaks: [SubtitleBreak], start: Int, end: Int, minimum: Int64, limit: Int64?) -> Int {
        var cost = 10
        if end < words.count {
            let gap = words[end].startSample - words[end - 1].endSample
            let pause = gap * 4 >= minimum  // a quarter second of silence
            switch breaks[end - 1] {
            case .sentence: break
            case .clause: cost += pause ? 2 : 4
            case .none: cost += pause ? 4 : 15
            // Dearer than a cue under the minimum: "Mr." alone at a cue's end is never right.
            case .bound: cost += 60
            }
        }
        let room = end < words.count ? words[end].startSample : limit ?? Int64.max
        let shown = min(room, max(words[end - 1].endSample, words[start].startSample + minimum)) - words[start].startSample
        if shown < minimum { cost += 30 }
        return cost
    }
}
