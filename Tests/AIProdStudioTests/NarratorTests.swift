import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import Foundation
import Testing

/// The espeak-ng narrator, for real: WAVs on disk, word timings against the audio, voices.
///
/// espeak-ng carries state from one synthesis to the next (the same text can come out a few
/// milliseconds longer the second time), so nothing here compares lengths across calls.
@Suite("Narrator (espeak-ng)")
struct NarratorTests {
    static let english = "The quick brown fox jumps over the lazy dog. It was not amused, and it said so loudly!"
    static let french = "Le petit chat dort sur le canapé, tranquillement. Il rêve d’une souris grise… et d’été."

    @Test("English: a 48 kHz mono float WAV and one timing per word, in order, inside the audio")
    func english() throws {
        let directory = try NarratorScratch()
        let path = directory.file("en.wav")
        let narration = try EspeakNarrator().narrate(Self.english, language: .english, to: path)
        try Self.checkWAV(narration)
        #expect(narration.words.map(\.text) == Self.english.split(separator: " ").map(String.init))
        try Self.checkTimings(narration)
        let seconds = narration.duration.doubleValue
        #expect(seconds > 3 && seconds < 9, "17 words at 165 wpm last about 6 s, got \(seconds)")
    }

    @Test("French: accents, apostrophes and an ellipsis, one timing per word")
    func french() throws {
        let directory = try NarratorScratch()
        let narration = try EspeakNarrator().narrate(Self.french, language: .french, to: directory.file("fr.wav"))
        try Self.checkWAV(narration)
        #expect(narration.words.map(\.text) == Self.french.split(separator: " ").map(String.init))
        try Self.checkTimings(narration)
    }

    @Test("The first word starts where the voice does, and the last ends with it")
    func onset() throws {
        let directory = try NarratorScratch()
        let narration = try EspeakNarrator().narrate(Self.english, language: .english, to: directory.file("onset.wav"))
        let audio = try Self.samples(narration.path)
        let first = try #require(audio.firstIndex { abs($0) > 1e-3 })
        let last = try #require(audio.lastIndex { abs($0) > 1e-3 })
        let word = try #require(narration.words.first)
        // Within 5 ms: the resampler's filter rings a little before and after the sound.
        #expect(abs(Int64(first) - word.startSample) <= 240, "voice at \(first), first word at \(word.startSample)")
        #expect(abs(Int64(last + 1) - narration.words.last!.endSample) <= 240)
        #expect(word.startSample > 0, "espeak-ng begins with a few ms of silence, which the timing skips")
    }

    @Test("Every word timing covers sound, and the pause after a full stop is a gap")
    func timingsFollowTheSound() throws {
        let directory = try NarratorScratch()
        let narration = try EspeakNarrator().narrate(Self.english, language: .english, to: directory.file("sound.wav"))
        let audio = try Self.samples(narration.path)
        for word in narration.words {
            let peak = audio[Int(word.startSample)..<Int(word.endSample)].map(abs).max() ?? 0
            #expect(peak > 0.01, "\(word.text) is heard")
        }
        let dog = try #require(narration.words.firstIndex { $0.text == "dog." })
        let gap = narration.words[dog + 1].startSample - narration.words[dog].endSample
        #expect(gap > 4_800, "a sentence pause (> 100 ms) separates \"dog.\" from \"It\", got \(gap) samples")
        let gapAudio = audio[Int(narration.words[dog].endSample + 240)..<Int(narration.words[dog + 1].startSample - 240)]
        #expect(gapAudio.allSatisfy { abs($0) < 1e-3 }, "the gap is silent")
    }

    @Test("Numbers, emoji, markup and a URL: subtitle words keep what the font shows, timings stay valid")
    func messyText() throws {
        let directory = try NarratorScratch()
        let text = "In 1984, 3.5 million people 🎉 read <b>this</b> — see https://example.com/story_1 « now »!"
        let narration = try EspeakNarrator().narrate(text, language: .english, to: directory.file("messy.wav"))
        try Self.checkTimings(narration)
        #expect(narration.words.map(\.text).joined(separator: " ") == SpeechText(text).subtitle)
        #expect(narration.words.contains { $0.text.contains("https://example.com/story_1") }, "the URL rides along with a spoken word")
        #expect(narration.words.map(\.text).first == "In")
        #expect(narration.words.allSatisfy { !$0.text.contains("<b>") && !$0.text.contains("🎉") })
    }

    @Test("A voice that is not installed is a clear voice_missing error")
    func missingVoice() throws {
        let directory = try NarratorScratch()
        for name in ["xx-nope", "mb-fr1", ""] {
            var config = StudioConfig()
            config.voices[.french] = name
            let error = try #require(throws: StudioError.self) {
                try EspeakNarrator(config: config).narrate("Bonjour.", language: .french, to: directory.file("missing.wav"))
            }
            #expect(error.code == .voiceMissing)
            #expect(error.message.contains("voice"))
            if !name.isEmpty { #expect(error.message.contains("\"\(name)\"")) }
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("missing.wav")))
        // The next narration, with a good voice, is not left with the broken one.
        let narration = try EspeakNarrator().narrate("Bonjour à tous.", language: .french, to: directory.file("after.wav"))
        #expect(narration.words.map(\.text) == ["Bonjour", "à", "tous."])
    }

    @Test("Configured voices by name, file and language all load")
    func voiceNames() throws {
        let directory = try NarratorScratch()
        for name in ["en-us", "en", "gmw/en-US", "en-us+f3", "fr-fr", "fr", "roa/fr"] {
            var config = StudioConfig()
            config.voices[.english] = name
            let narration = try EspeakNarrator(config: config).narrate("One two.", language: .english, to: directory.file("v.wav"))
            #expect(narration.words.count == 2, "voice \(name)")
        }
    }

    @Test("Words per minute and pitch come from the configuration")
    func rateAndPitch() throws {
        let directory = try NarratorScratch()
        func narrate(wordsPerMinute: Int, pitch: Int = 50) throws -> Narration {
            var config = StudioConfig()
            config.wordsPerMinute = wordsPerMinute
            config.pitch = pitch
            return try EspeakNarrator(config: config).narrate(Self.english, language: .english, to: directory.file("rate.wav"))
        }
        let slow = try narrate(wordsPerMinute: 120)
        let fast = try narrate(wordsPerMinute: 300)
        #expect(fast.duration.doubleValue < slow.duration.doubleValue * 0.6, "\(fast.duration.doubleValue) s at 300 wpm, \(slow.duration.doubleValue) s at 120")
        let high = try narrate(wordsPerMinute: 165, pitch: 90)
        try Self.checkTimings(high)
    }

    @Test("Text with nothing to say is an empty_script error, not an empty WAV")
    func nothingToSay() throws {
        let directory = try NarratorScratch()
        let error = try #require(throws: StudioError.self) {
            try EspeakNarrator().narrate("🎉 👍 <br> https://example.com/x", language: .english, to: directory.file("empty.wav"))
        }
        #expect(error.code == .emptyScript)
    }

    @Test("Narrations from several threads at once are all whole")
    func concurrent() async throws {
        let directory = try NarratorScratch()
        let results = try await withThrowingTaskGroup(of: Narration.self) { group in
            for index in 0..<6 {
                group.addTask {
                    try EspeakNarrator().narrate(index.isMultiple(of: 2) ? Self.english : Self.french,
                                                 language: index.isMultiple(of: 2) ? .english : .french,
                                                 to: directory.file("c\(index).wav"))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 6)
        for narration in results {
            try Self.checkWAV(narration)
            try Self.checkTimings(narration)
        }
    }

    @Test("Cues from a real narration follow the subtitle rules")
    func cuesFromNarration() throws {
        let directory = try NarratorScratch()
        let text = """
        The city woke slowly that morning. Fog rolled in from the harbour, covering the old streets \
        and the market stalls, and the first trams rang their bells at the corner. Nobody spoke. \
        A baker opened his shutters, looked at the sky, and decided that today would be a good day \
        after all, whatever the weather said.
        """
        let narration = try EspeakNarrator().narrate(text, language: .english, to: directory.file("cues.wav"))
        let offset: Int64 = 96_000
        let cues = SubtitleCueBuilder().cues(for: narration, at: offset, limit: narration.sampleCount)
        SubtitleCueRules.check(cues, words: narration.words, offset: offset)
        #expect(cues.first?.start == Rational(offset + narration.words[0].startSample, 48_000))
        #expect(cues.map { $0.text.replacingOccurrences(of: "\n", with: " ") }.joined(separator: " ") == SpeechText(text).subtitle)
        #expect(cues.contains { $0.text.hasSuffix("morning.") }, "the first sentence ends a cue")
        for cue in cues {
            #expect(cue.end <= Rational(offset + narration.sampleCount, 48_000), "no cue outlasts the narration (limit)")
        }
    }

    // MARK: - Checks

    /// The WAV's header says 48 kHz mono float, and its data holds exactly `sampleCount` samples.
    static func checkWAV(_ narration: Narration) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: narration.path))
        func u16(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        #expect(String(decoding: data[0..<4], as: UTF8.self) == "RIFF")
        #expect(u16(20) == 3, "IEEE float")
        #expect(u16(22) == 1, "mono")
        #expect(u32(24) == 48_000)
        #expect(u32(40) == Int(narration.sampleCount) * 4)
        #expect(data.count == 44 + Int(narration.sampleCount) * 4)
        let probe = try MediaProbe(measureLoudness: false).probe(narration.path)
        #expect(probe.streams.first?.sampleRate == 48_000)
        #expect(abs(probe.durationSeconds.map { $0 - narration.duration.doubleValue } ?? 1) < 0.001)
    }

    /// Starts strictly increase, every word has length, none overlaps the next, all inside the audio.
    static func checkTimings(_ narration: Narration) throws {
        #expect(!narration.words.isEmpty)
        var previousEnd: Int64 = 0
        for word in narration.words {
            #expect(word.startSample >= previousEnd, "\(word.text) starts after the previous word ends")
            #expect(word.startSample < word.endSample, "\(word.text) has length")
            #expect(word.endSample <= narration.sampleCount, "\(word.text) ends inside the audio")
            #expect(!word.text.isEmpty)
            previousEnd = word.endSample
        }
    }

    static func samples(_ path: String) throws -> [Float] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data[44...].withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}

/// A fresh directory under the system's temporary folder, removed when the test is done.
final class NarratorScratch: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "aiprod-narrator-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
