import AIProdCore
@testable import AIProdStudio
import Testing

/// The subtitle cue builder on word timings made up to the sample, one rule at a time.
@Suite("Subtitle cue builder")
struct SubtitleCueBuilderTests {
    /// Words spoken back to back from `start` (seconds), each `seconds` long, with `gap`
    /// seconds of silence after a sentence's last word.
    static func words(_ text: String, start: Double = 0, seconds: Double = 0.3, gap: Double = 0.4) -> [WordTiming] {
        var time = Int64(start * 48_000)
        return text.split(separator: " ").map { word in
            let length = Int64(seconds * 48_000)
            let timing = WordTiming(text: String(word), startSample: time, endSample: time + length)
            time += length + (SubtitleBreak(after: String(word)) == .sentence ? Int64(gap * 48_000) : 0)
            return timing
        }
    }

    static let paragraph = """
    Once upon a time, in a kingdom by the sea, there lived a girl who collected shells. Every morning \
    she walked along the shore with a basket, looking for the rarest ones, the spirals and the pearly \
    fans. Her grandmother said the sea kept its secrets well; the girl believed it told them to anyone \
    who listened long enough. One day she found a shell that sang.
    """

    @Test("Lines of at most 42 characters, at most 2 lines, 1 to 7 seconds, every word in order")
    func rules() {
        let words = Self.words(Self.paragraph)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        #expect(cues.count >= 5)
        #expect(cues.contains { $0.text.contains("\n") }, "long sentences use two lines")
    }

    @Test("Cues break after a sentence when one is near")
    func sentenceBreaks() {
        let words = Self.words(Self.paragraph)
        let cues = SubtitleCueBuilder().cues(for: words)
        let ends = cues.map { SubtitleBreak(after: $0.text) }
        #expect(ends.filter { $0 == .none }.isEmpty, "every cue ends at punctuation: \(cues.map(\.text))")
        #expect(cues.contains { $0.text.hasSuffix("shells.") })
        #expect(cues.contains { $0.text.hasSuffix("fans.") })
        #expect(cues.last?.text.hasSuffix("sang.") == true)
    }

    @Test("Within a long sentence, a comma is preferred to a break between words")
    func clauseBreaks() {
        let text = "When the storm finally passed over the little harbour town, the fishermen came out of their houses and counted the boats"
        let words = Self.words(text)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        #expect(cues.count == 2)
        #expect(cues.first?.text.hasSuffix("town,") == true, "\(cues.map(\.text))")
    }

    @Test("Two lines break at punctuation when that keeps them even enough, else in the middle")
    func lineBreaks() throws {
        let breaker = SubtitleLineBreaker(maxLineLength: 42, maxLines: 2)
        func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
        #expect(breaker.lines(words("Short and sweet.")) == ["Short and sweet."])
        let even = try #require(breaker.lines(words("The river ran quietly under the old stone bridge near the mill")))
        #expect(even == ["The river ran quietly under the", "old stone bridge near the mill"])
        #expect(breaker.lines(words("I came back home, tired but happy after a very long day out"))
            == ["I came back home,", "tired but happy after a very long day out"])
        #expect(breaker.lines(words("It rained. The children stayed inside all day long"))
            == ["It rained.", "The children stayed inside all day long"])
        #expect(breaker.lines(words("Yes, the children stayed inside and played cards all day long"))?.first != "Yes,",
                "a break after one short word leaves the lines too uneven")
        #expect(breaker.lines(Array(repeating: "word", count: 30)) == nil, "too much for two lines")
        #expect(breaker.lines(["a-single-word-that-is-far-too-long-for-any-subtitle-line"])?.count == 1,
                "a lone word that cannot fit gets a line of its own")
    }

    @Test("A short cue stays up to one second into the silence after it, never over the next cue")
    func shortCues() {
        // "Yes." alone (0.3 s), then 3 s of silence, then a long sentence.
        var words = [WordTiming(text: "Yes.", startSample: 4_800, endSample: 4_800 + 14_400)]
        words += Self.words("Then the whole crowd stood up and walked slowly towards the gates of the old park.", start: 3.4)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        #expect(cues[0].text == "Yes.")
        #expect(cues[0].start == Rational(4_800, 48_000))
        #expect(cues[0].end == Rational(4_800 + 48_000, 48_000), "extended to exactly 1 s")

        // Next word 0.5 s after: "Hi." cannot be extended past it, so it joins the next cue.
        let close = [WordTiming(text: "Hi.", startSample: 0, endSample: 9_600)] + Self.words("Come in.", start: 0.5)
        let joined = SubtitleCueBuilder().cues(for: close)
        #expect(joined.count == 1)
        #expect(joined[0].text == "Hi. Come in.")
        #expect(joined[0].end == Rational(52_800, 48_000), "ends with its last word")

        // The last cue stops at the limit (where the next narration begins).
        let lone = [WordTiming(text: "Go!", startSample: 0, endSample: 12_000)]
        #expect(SubtitleCueBuilder().cues(for: lone, limit: 30_000).first?.end == Rational(30_000, 48_000))
        #expect(SubtitleCueBuilder().cues(for: lone).first?.end == Rational(1))
    }

    @Test("A long stretch of slow speech is split into cues of at most 7 seconds")
    func longCues() {
        let words = Self.words("so very slowly did the old man speak that each word took a whole second to say", seconds: 1)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        #expect(cues.count >= 3)
        #expect(cues.allSatisfy { $0.end - $0.start <= Rational(7) })
    }

    @Test("A cue starts exactly with its first word at the narration's offset, never ahead of the voice")
    func neverAhead() {
        let words = Self.words("Hello there. General Kenobi, you are a bold one.", start: 0.25)
        let offset: Int64 = 48_000 * 12 + 7
        let cues = SubtitleCueBuilder().cues(for: words, offset: offset)
        SubtitleCueRules.check(cues, words: words, offset: offset)
        #expect(cues[0].start == Rational(offset + 12_000, 48_000))
        for cue in cues {
            #expect(words.contains { Rational(offset + $0.startSample, 48_000) == cue.start })
        }
    }

    @Test("Other sample rates give exact times")
    func sampleRate() {
        let words = [WordTiming(text: "Bonjour.", startSample: 11_025, endSample: 44_100)]
        let cues = SubtitleCueBuilder().cues(for: words, offset: 22_050, sampleRate: 22_050)
        #expect(cues == [SubtitleCue(start: Rational(3, 2), end: Rational(3), text: "Bonjour.")])
    }

    @Test("A word longer than a line is never split; cues never overlap")
    func longWord() {
        let url = "https://example.com/a/very/long/path/that/goes/on/and/on/forever.html"
        var words = Self.words("Read more at")
        words.append(WordTiming(text: url, startSample: words.last!.endSample, endSample: words.last!.endSample + 48_000))
        words += Self.words("Thanks for watching.", start: 3)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        #expect(cues.first?.text == "Read more at\n" + url, "the URL has a line of its own")
    }

    @Test("French punctuation with no-break spaces stays with its word")
    func frenchSpacing() {
        let text = "Il a dit\u{A0}: «\u{A0}Je reviendrai demain matin, avant le lever du soleil, sans faute\u{A0}!\u{A0}» Puis il est parti."
        let words = Self.words(text)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        for cue in cues {
            for line in cue.text.split(separator: "\n") {
                #expect(!line.hasPrefix(":") && !line.hasPrefix("!") && !line.hasPrefix("»"), "\(line)")
            }
        }
    }

    @Test("Line length and line count are settings")
    func customLimits() {
        var builder = SubtitleCueBuilder()
        builder.maxLineLength = 24
        builder.maxLines = 1
        let words = Self.words(Self.paragraph)
        let cues = builder.cues(for: words)
        #expect(cues.allSatisfy { !$0.text.contains("\n") && $0.text.count <= 24 }, "\(cues.map(\.text))")
        #expect(cues.map(\.text).joined(separator: " ") == words.map(\.text).joined(separator: " "))
    }

    @Test("No words, no cues")
    func empty() {
        #expect(SubtitleCueBuilder().cues(for: []).isEmpty)
    }
}

/// The subtitle rules every cue list must keep, checked against the word timings it came from.
enum SubtitleCueRules {
    static func check(_ cues: [SubtitleCue], words: [WordTiming], offset: Int64 = 0, sampleRate: Int64 = 48_000) {
        let rate = Rational(sampleRate)
        var next = 0
        for (index, cue) in cues.enumerated() {
            let lines = cue.text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= 2, "at most two lines: \(cue.text)")
            for line in lines {
                #expect(line.count <= 42 || !line.contains(" "), "at most 42 characters: \(line)")
                #expect(!line.isEmpty && line.first != " " && line.last != " ")
            }
            #expect(cue.end - cue.start <= Rational(7), "at most 7 s: \(cue.text)")
            #expect(cue.end - cue.start >= Rational(1), "at least 1 s: \(cue.text)")
            if index + 1 < cues.count { #expect(cue.end <= cues[index + 1].start, "no overlap") }

            // The cue's words are the next word timings, whole; it starts with the first.
            let shown = cue.text.split { $0 == " " || $0 == "\n" }.joined(separator: " ")
            guard next < words.count else {
                Issue.record("more cues than words")
                return
            }
            let first = next
            var covered: [String] = []
            while next < words.count, covered.joined(separator: " ").count < shown.count {
                covered.append(words[next].text)
                next += 1
            }
            #expect(covered.joined(separator: " ") == shown, "a cue holds whole words, in order")
            #expect(cue.start == Rational(offset + words[first].startSample) / rate, "starts with its first word")
            let voiceEnd = Rational(offset + words[next - 1].endSample) / rate
            #expect(cue.end >= voiceEnd || cue.end - cue.start == Rational(7), "shows until its last word ends")
        }
        #expect(next == words.count, "every word is in a cue")
    }
}
