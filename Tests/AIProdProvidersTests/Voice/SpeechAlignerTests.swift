import AIProdCore
import AIProdMedia
@testable import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// The aligner for voices without timings, measured: the "remote" speech is espeak-ng with
/// another voice, rate and pitch, after some silence and over a faint noise floor, whose true
/// word timings are espeak-ng's own events; the reference is aiprod's default espeak-ng
/// reading. The bounds are the measured errors with a margin; the numbers are printed and
/// stated in docs/PROVIDERS.md.
@Suite struct SpeechAlignerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var language: Language
        var voice: String
        var wordsPerMinute: Int
        var pitch: Int
        /// The pause after each sentence, and after each clause, made this long (seconds; nil:
        /// as espeak-ng pauses). Neural voices pause longer between sentences and hardly at commas.
        var sentencePause: Double?
        var clausePause: Double?
        var testDescription: String { name }
    }

    static let long = """
        For forty-two years, the keeper climbed the stairs at dusk. He trimmed the wick, wound the clock, and \
        wrote the weather in his log. Ships passed in the night; none of them knew his name. When the storm of \
        1953 came, the lamp burned until morning. Today the tower is a museum, and the stairs are still there.
        """

    static let cases: [Case] = [
        Case(name: "English, faster, British voice", text: long, language: .english, voice: "en-gb", wordsPerMinute: 210, pitch: 70),
        Case(name: "English, slower, lower", text: long, language: .english, voice: "en-us", wordsPerMinute: 130, pitch: 30),
        Case(name: "English, short scene", text: VoiceFixture.english, language: .english, voice: "en-gb-scotland", wordsPerMinute: 190, pitch: 60),
        Case(name: "English, 0.8 s sentence pauses", text: long, language: .english, voice: "en-us", wordsPerMinute: 180, pitch: 50, sentencePause: 0.8),
        Case(name: "English, no pauses at commas", text: long, language: .english, voice: "en-gb", wordsPerMinute: 200, pitch: 60, clausePause: 0),
        Case(name: "French, 0.7 s sentence pauses, 30 ms at commas", text: VoiceFixture.french + " Les bateaux passaient au large, et personne ne connaissait son nom.",
             language: .french, voice: "fr-fr", wordsPerMinute: 190, pitch: 40, sentencePause: 0.7, clausePause: 0.03),
        Case(name: "French, faster, Belgian voice", text: VoiceFixture.french + " Les bateaux passaient au large, et personne ne connaissait son nom.",
             language: .french, voice: "fr-be", wordsPerMinute: 200, pitch: 65),
    ]

    /// Word-start error bounds, in ms, over the measured values (see the printed line).
    static let meanBoundMs = 40.0
    static let maxBoundMs = 150.0

    @Test(arguments: cases) func wordStartsLandNearTheTruth(_ test: Case) throws {
        let scratch = ScratchDirectory()
        // The remote reading: another voice, rate and pitch, 0.3 s of silence first, a noise floor at about −66 dBFS.
        var remote = try SpeechWAV.espeak(test.text, language: test.language, voice: test.voice, wordsPerMinute: test.wordsPerMinute,
                                          pitch: test.pitch, leadingSilence: 0.3, trailingSilence: 0.4)
        if let seconds = test.sentencePause { remote = Self.retimingPauses(remote, after: ".!?", to: seconds) }
        if let seconds = test.clausePause { remote = Self.retimingPauses(remote, after: ",;:", to: seconds) }
        var state: UInt64 = 42
        for index in remote.samples.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            remote.samples[index] += (Float(state >> 40) / Float(1 << 24) - 0.5) * 0.001
        }
        let reference = try EspeakNarrator().narrate(test.text, language: test.language, to: scratch.file("reference.wav"))
        let aligned = SpeechAligner.align(reference: reference.words, received: VoicedSpans(samples: remote.samples),
                                          totalSamples: Int64(remote.samples.count))
        try #require(aligned.map(\.text) == remote.words.map(\.text))
        let errors = zip(aligned, remote.words).map { abs(Double($0.startSample - $1.startSample)) / 48 }
        let mean = errors.reduce(0, +) / Double(errors.count), worst = errors.max() ?? 0
        if ProcessInfo.processInfo.environment["ALIGN_DEBUG"] != nil {
            let spans = VoicedSpans(samples: remote.samples).spans.map { "\(Double($0.lowerBound) / 48_000)-\(Double($0.upperBound) / 48_000)" }
            print("spans: \(spans)")
            for (a, t) in zip(aligned, remote.words) { print("  \(t.text) truth \(Double(t.startSample) / 48_000) got \(Double(a.startSample) / 48_000) err \(Int(Double(a.startSample - t.startSample) / 48)) ms") }
        }
        let within100 = Double(errors.filter { $0 <= 100 }.count) / Double(errors.count)
        print("alignment \(test.name): \(errors.count) words, mean \(Int(mean.rounded())) ms, max \(Int(worst.rounded())) ms, \(Int((within100 * 100).rounded())) % within 100 ms")
        #expect(mean <= Self.meanBoundMs, "mean word-start error \(mean) ms")
        #expect(worst <= Self.maxBoundMs, "worst word-start error \(worst) ms")
        #expect(VoiceFixture.wellFormed(Narration(path: "", sampleCount: Int64(remote.samples.count), words: aligned)))
    }

    /// `spoken` with the pause after each word ending in one of `marks` made `seconds` long
    /// (silence inserted or removed in its middle), the true timings moved with it.
    static func retimingPauses(_ spoken: SpeechWAV.Spoken, after marks: String, to seconds: Double) -> SpeechWAV.Spoken {
        let target = Int64(seconds * 48_000)
        var samples: [Float] = []
        var words = spoken.words
        var copied = 0, shift: Int64 = 0
        for index in words.indices {
            words[index].startSample += shift
            words[index].endSample += shift
            guard index + 1 < spoken.words.count, let last = spoken.words[index].text.last, marks.contains(last) else { continue }
            let gap = spoken.words[index + 1].startSample - spoken.words[index].endSample
            let middle = Int(spoken.words[index].endSample + gap / 2)
            let delta = target - gap
            if delta >= 0 {
                samples += spoken.samples[copied..<middle]
                samples += [Float](repeating: 0, count: Int(delta))
                copied = middle
            } else {
                let cut = Int(-delta)
                samples += spoken.samples[copied..<(middle - cut / 2)]
                copied = middle - cut / 2 + cut
            }
            shift += delta
        }
        samples += spoken.samples[copied...]
        return SpeechWAV.Spoken(samples: samples, words: words)
    }

    /// Without an aligner, scaling the reference to the received length: what the fit gains.
    @Test func theFitBeatsScalingTheWholeReading() throws {
        let scratch = ScratchDirectory()
        let test = Self.cases[0]
        let remote = try SpeechWAV.espeak(test.text, language: test.language, voice: test.voice, wordsPerMinute: test.wordsPerMinute,
                                          pitch: test.pitch, leadingSilence: 0.3, trailingSilence: 0.4)
        let reference = try EspeakNarrator().narrate(test.text, language: test.language, to: scratch.file("reference.wav"))
        let spans = VoicedSpans(samples: remote.samples)
        let aligned = SpeechAligner.align(reference: reference.words, received: spans, totalSamples: Int64(remote.samples.count))
        // The reference's words scaled linearly from its first word's start to its last word's
        // end onto the received speech's first and last voiced samples.
        let from = Double(reference.words.first!.startSample), to = Double(reference.words.last!.endSample)
        let start = Double(spans.spans.first!.lowerBound), end = Double(spans.spans.last!.upperBound)
        let whole = reference.words.map { word in
            WordTiming(text: word.text, startSample: Int64(start + (Double(word.startSample) - from) * (end - start) / (to - from)), endSample: 0)
        }
        func mean(_ words: [WordTiming]) -> Double {
            zip(words, remote.words).map { abs(Double($0.startSample - $1.startSample)) / 48 }.reduce(0, +) / Double(words.count)
        }
        print("alignment baseline (linear scaling of the whole reading): mean \(Int(mean(whole).rounded())) ms; fitted \(Int(mean(aligned).rounded())) ms")
        #expect(mean(aligned) < mean(whole))
    }

    @Test func characterTimingsMapToTheSubtitleWordsThroughMarkupAndURLs() throws {
        // Subtitle tokens: "See", "this", "https://example.org/x", "now." — the URL is not spoken and rides with "this".
        let text = "See **this** https://example.org/x now."
        let speech = SpeechText(text)
        #expect(speech.spoken == "See this now.")
        let characters = speech.spoken.unicodeScalars.map { String($0) }
        // Character i is heard from 0.1·i to 0.1·i + 0.08 s.
        let alignment = try CharacterAlignment(characters: characters, starts: characters.indices.map { Double($0) * 0.1 },
                                               ends: characters.indices.map { Double($0) * 0.1 + 0.08 }, provider: "t")
        let reference = [
            WordTiming(text: "See", startSample: 0, endSample: 10), WordTiming(text: "this https://example.org/x", startSample: 10, endSample: 20),
            WordTiming(text: "now.", startSample: 20, endSample: 30),
        ]
        let words = try #require(CharacterTimingMapper.words(reference: reference, speech: speech, alignment: alignment, totalSamples: 48_000 * 2))
        // "See" is characters 0…2, "this" 4…7, "now." 9…12.
        #expect(words.map(\.text) == reference.map(\.text))
        #expect(words.map(\.startSample) == [0, 19_200, 43_200])
        #expect(words.map(\.endSample) == [13_440, 37_440, 61_440].map { min($0, 48_000 * 2) })
    }

    @Test func characterTimingsOfAnotherTextAreNotUsed() throws {
        let speech = SpeechText("Hello world.")
        let alignment = try CharacterAlignment(characters: ["H", "i"], starts: [0, 0.1], ends: [0.1, 0.2], provider: "t")
        #expect(CharacterTimingMapper.words(reference: [WordTiming(text: "Hello", startSample: 0, endSample: 9)], speech: speech,
                                            alignment: alignment, totalSamples: 48_000) == nil)
    }

    @Test func timingsFromOutsideAreForcedIntoTheNarrationsPromise() {
        let words = [WordTiming(text: "a", startSample: -50, endSample: 100), WordTiming(text: "b", startSample: 80, endSample: 60),
                     WordTiming(text: "c", startSample: 900, endSample: 5_000)]
        let normalized = WordTimingBounds.normalized(words, totalSamples: 1_000)
        #expect(normalized.map(\.startSample) == [0, 100, 900] && normalized.map(\.endSample) == [100, 101, 1_000])
    }
}
