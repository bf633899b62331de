import AIProdMedia
@testable import AIProdStudio
import Testing

/// The word aligner on made-up espeak-ng output, where every sample is known.
@Suite("Narrator word alignment")
struct NarratorAlignmentTests {
    /// 22 050 Hz audio: silence, except `sounds` (half-open sample ranges) at a constant level.
    static func audio(_ count: Int, sounds: [Range<Int>]) -> [Int16] {
        var samples = [Int16](repeating: 0, count: count)
        for range in sounds { for index in range { samples[index] = 3_000 } }
        return samples
    }

    static func at48k(_ sample: Int64) -> Int64 { PCMResampler.position48k(of: sample, sampleRate: 22_050) }

    @Test("Starts skip silence, ends trim it, stray and repeated events are ignored, unspoken pieces ride along")
    func alignment() {
        let text = SpeechText("Hello « big » world — https://x.io/a now.")
        #expect(text.spoken == "Hello big world — now.")
        let synthesis = EspeakSynthesis(
            samples: Self.audio(4_200, sounds: [100..<1_000, 1_200..<2_000, 2_000..<3_000, 3_600..<4_000]),
            sampleRate: 22_050,
            words: [
                EspeakWordEvent(textPosition: 1, length: 5, sample: 0),
                EspeakWordEvent(textPosition: 7, length: 3, sample: 1_100),
                EspeakWordEvent(textPosition: 11, length: 5, sample: 2_000),
                EspeakWordEvent(textPosition: 3, length: 0, sample: 2_500),  // points back: ignored
                EspeakWordEvent(textPosition: 12, length: 5, sample: 2_600),  // same word again ("1984"): ignored
                EspeakWordEvent(textPosition: 19, length: 3, sample: 3_500),
            ])
        let words = WordAligner.align(synthesis, text: text)
        #expect(words == [
            WordTiming(text: "Hello", startSample: Self.at48k(100), endSample: Self.at48k(1_000)),
            WordTiming(text: "« big »", startSample: Self.at48k(1_200), endSample: Self.at48k(2_000)),
            WordTiming(text: "world — https://x.io/a", startSample: Self.at48k(2_000), endSample: Self.at48k(3_000)),
            WordTiming(text: "now.", startSample: Self.at48k(3_600), endSample: Self.at48k(4_000)),
        ])
        #expect(words.last!.endSample <= PCMResampler.position48k(of: 4_200, sampleRate: 22_050))
    }

    @Test("A word with no sound before the next one joins it; a leading bracket joins the first word")
    func silentWord() {
        let text = SpeechText("( one two three")
        let synthesis = EspeakSynthesis(
            samples: Self.audio(1_600, sounds: [10..<500, 1_000..<1_500]),
            sampleRate: 22_050,
            words: [
                EspeakWordEvent(textPosition: 1, length: 3, sample: 0),
                EspeakWordEvent(textPosition: 5, length: 3, sample: 600),
                EspeakWordEvent(textPosition: 9, length: 5, sample: 1_000),
            ])
        let words = WordAligner.align(synthesis, text: text)
        #expect(words.map(\.text) == ["( one", "two three"])
        #expect(words.map(\.startSample) == [Self.at48k(10), Self.at48k(1_000)])
        #expect(words.map(\.endSample) == [Self.at48k(500), Self.at48k(1_500)])
    }

    @Test("A silent last word joins the one before; no events at all give no words")
    func edges() {
        let text = SpeechText("yes no")
        let synthesis = EspeakSynthesis(
            samples: Self.audio(1_000, sounds: [0..<300]), sampleRate: 22_050,
            words: [EspeakWordEvent(textPosition: 1, length: 3, sample: 0), EspeakWordEvent(textPosition: 5, length: 2, sample: 400)])
        #expect(WordAligner.align(synthesis, text: text).map(\.text) == ["yes no"])
        let none = EspeakSynthesis(samples: Self.audio(1_000, sounds: [0..<300]), sampleRate: 22_050, words: [])
        #expect(WordAligner.align(none, text: text).isEmpty)
    }
}
