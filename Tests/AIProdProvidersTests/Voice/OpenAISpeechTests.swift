import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// `kind = openai-speech` against ``FakeSpeechServer`` (real espeak-ng speech, 16-bit 24 kHz
/// WAV, as Kokoro-FastAPI answers): the request, the WAV written, the words, the cost, the cache.
@Suite struct OpenAISpeechTests {
    @Test func speaksWritesA48kMonoFloatWAVAndTimesTheSubtitleWords() async throws {
        let scratch = ScratchDirectory()
        try await FakeSpeechServer.serving { server, url in
            var config = FakeSpeechServer.config(url, usdPer1kUnits: 0.5)
            config.key = ProviderKey(VoiceFixture.key)
            let log = CallLog()
            let path = scratch.file("scene-1.wav")
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(config), to: path, log: log).get()

            let request = try #require(await server.requests().first)
            #expect(request.method == "POST" && request.path == "/v1/audio/speech")
            #expect(request.headers["authorization"] == "Bearer \(VoiceFixture.key)")
            let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
            #expect(body["model"] as? String == "kokoro" && body["voice"] as? String == FakeSpeechServer.englishVoice)
            #expect(body["response_format"] as? String == "wav" && body["input"] as? String == SpeechText(VoiceFixture.english).spoken)

            #expect(narration.provider == "kokoro" && narration.path == path)
            let written = try VoiceFixture.probe(path)
            #expect(written.rate == 48_000 && written.channels == 1 && Int64(written.samples) == narration.sampleCount)
            #expect(try narration.words.map(\.text) == VoiceFixture.referenceWords(in: scratch))
            #expect(VoiceFixture.wellFormed(narration))
            // Nothing but the narration is left in the job folder (reference and reply removed).
            #expect(scratch.contents.filter { !$0.hasPrefix("reference-") } == ["scene-1.wav"])

            let call = try #require(log.all.first)
            let characters = Double(SpeechText(VoiceFixture.english).spoken.count)
            #expect(log.all.count == 1 && call.outcome == .succeeded && call.stage == .narrate && call.unit == .characters)
            #expect(call.units == characters && abs(call.usd - characters * 0.5 / 1_000) < 1e-9)
        }
    }

    @Test func speaksFrenchWithTheFrenchVoice() async throws {
        let scratch = ScratchDirectory()
        try await FakeSpeechServer.serving { server, url in
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(FakeSpeechServer.config(url)), VoiceFixture.french,
                                                           language: .french, to: scratch.file("fr.wav")).get()
            let request = try #require(await server.requests().first)
            let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
            #expect(body["voice"] as? String == FakeSpeechServer.frenchVoice)
            #expect(try narration.words.map(\.text) == VoiceFixture.referenceWords(VoiceFixture.french, language: .french, in: scratch))
            #expect(VoiceFixture.wellFormed(narration))
        }
    }

    @Test func aSecondNarrationOfTheSameTextIsServedFromTheCache() async throws {
        let scratch = ScratchDirectory()
        let cache = ProviderCache(directory: scratch.file("cache"))
        try await FakeSpeechServer.serving { server, url in
            let voice = VoiceFixture.voice(FakeSpeechServer.config(url, usdPer1kUnits: 1))
            let log = CallLog()
            let first = try await VoiceFixture.narrate(voice, to: scratch.file("a.wav"), log: log, cache: cache).get()
            let second = try await VoiceFixture.narrate(voice, to: scratch.file("b.wav"), log: log, cache: cache).get()
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded, .cached])
            #expect(log.all.last?.usd == 0)
            #expect(first.sampleCount == second.sampleCount)
            // The same audio; the reference reading may differ (espeak-ng keeps some state from the
            // call before, and more so with other narrations running), so the word timings agree
            // to within the ±30 ms narrations are compared by elsewhere.
            #expect(first.words.map(\.text) == second.words.map(\.text))
            #expect(zip(first.words, second.words).allSatisfy { abs($0.startSample - $1.startSample) <= 1_440 })
            #expect(FileManager.default.contents(atPath: first.path) == FileManager.default.contents(atPath: second.path))
        }
    }

    @Test func noVoiceForTheLanguageIsUnsupportedAndSendsNothing() async throws {
        let scratch = ScratchDirectory()
        try await FakeSpeechServer.serving { server, url in
            var config = FakeSpeechServer.config(url)
            config.voices = [.english: FakeSpeechServer.englishVoice]
            let result = await VoiceFixture.narrate(VoiceFixture.voice(config), VoiceFixture.french, language: .french, to: scratch.file("x.wav"))
            #expect(VoiceFixture.failure(result)?.code == .unsupported)
            #expect(await server.requests().isEmpty)
            #expect(scratch.contents.isEmpty)
        }
    }

    @Test func aChatProviderDoesNotSpeak() async throws {
        let scratch = ScratchDirectory()
        let voice = VoiceFixture.voice(VoiceFixture.config(.openAIChat, url: "http://127.0.0.1:9/v1"))
        #expect(voice.name == "voice")
        let result = await VoiceFixture.narrate(voice, to: scratch.file("x.wav"))
        #expect(VoiceFixture.failure(result)?.code == .unsupported)
    }
}
