import AIProdCore
@testable import AIProdStudio
import Testing

/// espeak-ng is one engine per process: a narration at one rate and pitch must not carry into
/// the next at another (a faster job before a slower one, a remote voice's reference reading).
@Suite("Narrator settings do not carry over", .serialized)
struct NarratorSettingsTests {
    @Test("a narration after one at another rate and pitch is the same speech as one after the same settings")
    func noCarryOver() throws {
        let directory = try NarratorScratch()
        var fast = StudioConfig()
        fast.wordsPerMinute = 210
        fast.pitch = 35
        let normal = EspeakNarrator()
        let reference = try normal.narrate(NarratorTests.english, language: .english, to: directory.file("a.wav"))
        let again = try normal.narrate(NarratorTests.english, language: .english, to: directory.file("b.wav"))
        _ = try EspeakNarrator(config: fast).narrate(NarratorTests.french, language: .french, to: directory.file("c.wav"))
        var variant = fast
        variant.voices[.english] = "en-gb-scotland"
        _ = try EspeakNarrator(config: variant).narrate(NarratorTests.english, language: .english, to: directory.file("e.wav"))
        variant.voices[.english] = "en-gb"
        _ = try EspeakNarrator(config: variant).narrate(NarratorTests.english, language: .english, to: directory.file("f.wav"))
        variant.voices[.french] = "fr-be"
        _ = try EspeakNarrator(config: variant).narrate(NarratorTests.french, language: .french, to: directory.file("g.wav"))
        let after = try normal.narrate(NarratorTests.english, language: .english, to: directory.file("d.wav"))
        NarrationComparison.expectSameSpeech(again, as: reference)
        NarrationComparison.expectSameSpeech(after, as: reference)
    }
}
