import AIProdCore
import AIProdMedia
@testable import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// `kind = google-tts` against a fake of `text:synthesize`: the request's shape and key
/// header, the LINEAR16 WAV in `audioContent`, and replies that are not what the API promises.
@Suite struct GoogleTTSTests {
    static func serving<T: Sendable>(answer: (@Sendable (FakeSpeechServer.GoogleBody) async -> String)? = nil,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in FakeSpeechServer.googleRoute(router, server, answer: answer) }, body)
    }

    @Test func speaksWithTheVoicesLanguageCodeAndTimesTheWords() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving { server, url in
            let log = CallLog()
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.googleTTS, url: url, usdPer1kUnits: 0.016)),
                                                           VoiceFixture.french, language: .french, to: scratch.file("g.wav"), log: log).get()
            let request = try #require(await server.requests().first)
            #expect(request.path == "/v1/text:synthesize")
            #expect(request.headers["x-goog-api-key"] == VoiceFixture.key && request.headers["authorization"] == nil)
            let body = try JSONDecoder().decode(FakeSpeechServer.GoogleBody.self, from: request.body)
            #expect(body.input.text == SpeechText(VoiceFixture.french).spoken)
            #expect(body.voice.languageCode == "fr-FR" && body.voice.name == "fr-FR-Neural2-A")
            #expect(body.audioConfig.audioEncoding == "LINEAR16" && body.audioConfig.sampleRateHertz == 48_000)
            #expect(try narration.words.map(\.text) == VoiceFixture.referenceWords(VoiceFixture.french, language: .french, in: scratch))
            #expect(VoiceFixture.wellFormed(narration) && narration.provider == "voice")
            let written = try VoiceFixture.probe(narration.path)
            #expect(written.rate == 48_000 && written.channels == 1)
            let characters = Double(SpeechText(VoiceFixture.french).spoken.count)
            #expect(log.all.first?.units == characters && abs((log.all.first?.usd ?? 0) - characters * 0.016 / 1_000) < 1e-12)
        }
    }

    @Test func aStereoFloatReplyIsReadAsMono() async throws {
        let scratch = ScratchDirectory()
        let spoken = try SpeechWAV.espeak(VoiceFixture.english)
        try AIProdMedia.WAVFile.write(spoken.samples.flatMap { [$0, $0] }, channels: 2, to: scratch.file("stereo.wav"))
        let stereo = try Data(contentsOf: URL(fileURLWithPath: scratch.file("stereo.wav"))).base64EncodedString()
        try await Self.serving(answer: { _ in #"{"audioContent": "\#(stereo)"}"# }) { _, url in
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.googleTTS, url: url)), to: scratch.file("g.wav")).get()
            let written = try VoiceFixture.probe(narration.path)
            #expect(written.rate == 48_000 && written.channels == 1 && written.samples == spoken.samples.count)
            #expect(VoiceFixture.wellFormed(narration))
        }
    }

    @Test func theLanguageCodeComesFromTheVoiceName() {
        #expect(GoogleTTSAPI.languageCode(voice: "en-GB-Wavenet-B", language: .english) == "en-GB")
        #expect(GoogleTTSAPI.languageCode(voice: "cmn-CN-Standard-A", language: .english) == "cmn-CN")
        #expect(GoogleTTSAPI.languageCode(voice: "custom", language: .french) == "fr")
    }

    static let hostile: [(String, ProviderError.Code, String)] = [
        ("audioContent a number", .malformedReply, #"{"audioContent": 42}"#),
        ("no audioContent", .malformedReply, #"{"audio": "UklGRg=="}"#),
        ("audioContent null", .malformedReply, #"{"audioContent": null}"#),
        ("bad base64", .malformedReply, #"{"audioContent": "not base64 at all!"}"#),
        ("base64 with a newline", .malformedReply, #"{"audioContent": "UklG\nRg=="}"#),
        ("truncated", .malformedReply, #"{"audioContent": "UklGRg=="#),
        ("empty audio", .notAudio, #"{"audioContent": ""}"#),
        ("a PNG", .notAudio, #"{"audioContent": "\#(SpeechWAV.png.base64EncodedString())"}"#),
        ("random bytes", .notAudio, #"{"audioContent": "\#(SpeechWAV.noise().base64EncodedString())"}"#),
        ("silence", .notAudio, #"{"audioContent": "\#(SpeechWAV.silence().base64EncodedString())"}"#),
    ]

    @Test(arguments: 0..<hostile.count) func hostileRepliesAreRefused(_ index: Int) async throws {
        let (name, code, reply) = Self.hostile[index]
        let scratch = ScratchDirectory("hostileGoogle-\(index)")
        try await Self.serving(answer: { _ in reply }) { _, url in
            let path = scratch.file("g.wav")
            let error = VoiceFixture.failure(await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.googleTTS, url: url)), to: path))
            #expect(error?.code == code, "\(name): \(String(describing: error))")
            #expect(!FileManager.default.fileExists(atPath: path), "\(name)")
        }
    }
}
