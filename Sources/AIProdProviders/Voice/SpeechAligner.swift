import AIProdStudio
import Foundation

/// Times the subtitle words in speech that came without timings (OpenAI-compatible speech,
/// Google TTS), from a reference reading of the same text by espeak-ng.
///
/// The reference gives the words, their relative durations and where its pauses are; the
/// received audio gives its voiced spans (``VoicedSpans``). The text is cut into phrases at
/// sentence and clause punctuation, and a dynamic programme assigns each phrase boundary to a
/// pause of the received audio, or to none (phrases then share a group), minimising
/// - how far each group's length strays from the reference's, scaled by the overall tempo;
/// - how far each chosen pause's length strays from the reference's pause there, and the
///   pauses left inside a group (a real pause that is not a boundary) and the boundaries
///   without one.
/// Within a group the reference's word times, less its pauses at the group's inner boundaries
/// (the received voice did not pause there), are scaled linearly onto the group's span, then
/// a start that lands in a pause moves to where the voice resumes, and an end that lands in one
/// moves back to where it stopped. Measured against known timings: see
/// `SpeechAlignerTests` and docs/PROVIDERS.md.
enum SpeechAligner {
    /// Added to pause lengths (seconds) before comparing them, so that "no pause" is finite.
    static let pauseSlack = 0.05
    /// Weight of a group's length mismatch (squared log ratio) against pause mismatches.
    static let lengthWeight = 8.0
    /// Bounds on one group, which keep the programme small on long texts.
    static let maxPhrasesPerGroup = 8
    static let maxSpansPerGroup = 24

    /// A run of reference words up to sentence or clause punctuation.
    struct Phrase {
        var words: Range<Int>
        var start: Double
        var end: Double
    }

    /// The reference's words timed on the received audio (`spans` of `totalSamples`).
    static func align(reference words: [WordTiming], received: VoicedSpans, totalSamples: Int64) -> [WordTiming] {
        guard !words.isEmpty else { return [] }
        let rate = Double(Narration.sampleRate)
        var spans = received.spans.map { (start: Double($0.lowerBound) / rate, end: Double($0.upperBound) / rate) }
        if spans.isEmpty { spans = [(start: 0, end: Double(totalSamples) / rate)] }
        let phrases = Self.phrases(words)
        let groups = fit(phrases: phrases, spans: spans) ?? [(phrases: 0..<phrases.count, spans: 0..<spans.count)]
        var timed: [WordTiming] = []
        for group in groups {
            let groupSpans = Array(spans[group.spans])
            // The reference's pauses at the boundaries this group runs through were not heard in
            // the received audio: they are taken out of the reference's clock before scaling.
            let merged = group.phrases.dropLast().map { index in
                (from: phrases[index].end, to: phrases[index + 1].start)
            }
            func clock(_ time: Double) -> Double {
                merged.reduce(time) { clocked, gap in clocked - min(max(time - gap.from, 0), max(gap.to - gap.from, 0)) }
            }
            let refStart = clock(phrases[group.phrases.lowerBound].start), refEnd = clock(phrases[group.phrases.upperBound - 1].end)
            let start = groupSpans[0].start, end = groupSpans[groupSpans.count - 1].end
            let scale = refEnd > refStart ? (end - start) / (refEnd - refStart) : 0
            let first = phrases[group.phrases.lowerBound].words.lowerBound, last = phrases[group.phrases.upperBound - 1].words.upperBound
            for word in words[first..<last] {
                var wordStart = start + (clock(Double(word.startSample) / rate) - refStart) * scale
                var wordEnd = start + (clock(Double(word.endSample) / rate) - refStart) * scale
                let snappedStart = snapForward(wordStart, spans: groupSpans), snappedEnd = snapBack(wordEnd, spans: groupSpans)
                if snappedStart < snappedEnd {
                    wordStart = snappedStart
                    wordEnd = snappedEnd
                }
                timed.append(WordTiming(text: word.text, startSample: Int64((wordStart * rate).rounded()),
                                        endSample: Int64((wordEnd * rate).rounded())))
            }
        }
        return WordTimingBounds.normalized(timed, totalSamples: totalSamples)
    }

    /// The words cut after sentence and clause punctuation (closing quotes and brackets aside).
    static func phrases(_ words: [WordTiming]) -> [Phrase] {
        let rate = Double(Narration.sampleRate)
        var phrases: [Phrase] = []
        var first = 0
        for index in words.indices {
            let trimmed = words[index].text.unicodeScalars.reversed().drop { "\"')]}»”’".unicodeScalars.contains($0) }
            let ends = trimmed.first.map { ".!?…,;:—–".unicodeScalars.contains($0) } ?? false
            if ends || index == words.count - 1 {
                phrases.append(Phrase(words: first..<(index + 1), start: Double(words[first].startSample) / rate,
                                      end: Double(words[index].endSample) / rate))
                first = index + 1
            }
        }
        return phrases
    }

    /// The cheapest grouping of phrases onto spans (see the type's comment); nil when the
    /// bounds on a group leave none.
    static func fit(phrases: [Phrase], spans: [(start: Double, end: Double)]) -> [(phrases: Range<Int>, spans: Range<Int>)]? {
        let phraseCount = phrases.count, spanCount = spans.count
        let referenceLength = phrases[phraseCount - 1].end - phrases[0].start
        let receivedLength = spans[spanCount - 1].end - spans[0].start
        guard referenceLength > 0, receivedLength > 0 else { return nil }
        let tempo = receivedLength / referenceLength
        func pauseCost(_ received: Double, expected: Double) -> Double {
            let ratio = log((received + pauseSlack) / (max(expected, 0) + pauseSlack))
            return ratio * ratio
        }
        let referenceGap = (0..<(phraseCount - 1)).map { phrases[$0 + 1].start - phrases[$0].end }
        let receivedGap = (0..<(spanCount - 1)).map { spans[$0 + 1].start - spans[$0].end }
        // Prefix sums: a boundary left without a pause, a pause left inside a group.
        var merged = [0.0], unused = [0.0]
        for gap in referenceGap { merged.append(merged[merged.count - 1] + pauseCost(0, expected: gap * tempo)) }
        for gap in receivedGap { unused.append(unused[unused.count - 1] + pauseCost(gap, expected: 0)) }

        let infinity = Double.infinity
        var cost = [[Double]](repeating: [Double](repeating: infinity, count: spanCount + 1), count: phraseCount + 1)
        var back = [[(Int, Int)]](repeating: [(Int, Int)](repeating: (-1, -1), count: spanCount + 1), count: phraseCount + 1)
        cost[0][0] = 0
        for phrase in 0..<phraseCount {
            for span in 0..<spanCount where cost[phrase][span] < infinity {
                for nextPhrase in (phrase + 1)...min(phraseCount, phrase + maxPhrasesPerGroup) {
                    for nextSpan in (span + 1)...min(spanCount, span + maxSpansPerGroup) {
                        // The last group takes the last span, and only the last group does.
                        guard (nextPhrase == phraseCount) == (nextSpan == spanCount) else { continue }
                        let received = spans[nextSpan - 1].end - spans[span].start
                        let expected = max(phrases[nextPhrase - 1].end - phrases[phrase].start, 0.01) * tempo
                        let lengthRatio = log(received / expected)
                        var total = cost[phrase][span] + lengthWeight * lengthRatio * lengthRatio
                        total += merged[nextPhrase - 1] - merged[phrase]
                        total += unused[nextSpan - 1] - unused[span]
                        if nextPhrase < phraseCount {
                            total += pauseCost(receivedGap[nextSpan - 1], expected: referenceGap[nextPhrase - 1] * tempo)
                        }
                        if total < cost[nextPhrase][nextSpan] {
                            cost[nextPhrase][nextSpan] = total
                            back[nextPhrase][nextSpan] = (phrase, span)
                        }
                    }
                }
            }
        }
        guard cost[phraseCount][spanCount] < infinity else { return nil }
        var groups: [(phrases: Range<Int>, spans: Range<Int>)] = []
        var at = (phraseCount, spanCount)
        while at.0 > 0 {
            let previous = back[at.0][at.1]
            groups.append((previous.0..<at.0, previous.1..<at.1))
            at = previous
        }
        return groups.reversed()
    }

    /// `time`, or the start of the next span when it falls in a pause between spans.
    private static func snapForward(_ time: Double, spans: [(start: Double, end: Double)]) -> Double {
        for index in spans.indices.dropLast() where time >= spans[index].end && time < spans[index + 1].start {
            return spans[index + 1].start
        }
        return time
    }

    /// `time`, or the end of the previous span when it falls in a pause between spans.
    private static func snapBack(_ time: Double, spans: [(start: Double, end: Double)]) -> Double {
        for index in spans.indices.dropLast() where time > spans[index].end && time <= spans[index + 1].start {
            return spans[index].end
        }
        return time
    }
}
