import AIProdCore
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// `kind = elevenlabs` against a fake of its with-timestamps endpoint: real speech, real
/// character alignment, and every way the alignment or the audio can be wrong.
@Suite struct ElevenLabsTests {
    static func serving<T: Sendable>(answer: (@Sendable (String) async -> String)? = nil,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            if let answer {
                FakeSpeechServer.elevenLabsRoute(router, server, answer: answer)
            } else {
                FakeSpeechServer.elevenLabsRoute(router, server)
            }
        }, body)
    }

    @Test func timesTheWordsExactlyFromTheCharacterAlignmentOfAnMP3() async throws {
        let scratch = ScratchDirectory()
        let spoken = SpeechText(VoiceFixture.english).spoken
        // One reading, sent as the reply and kept as the truth (two readings differ by a few samples).
        let truth = try #require(await FakeSpeechServer.elevenLabsAnswer(spoken, mp3: true))
        try await Self.serving(answer: { _ in truth.json }) { server, url in
            let log = CallLog()
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.elevenLabs, url: url, usdPer1kUnits: 0.3)),
                                                           to: scratch.file("el.wav"), log: log).get()
            let request = try #require(await server.requests().first)
            #expect(request.path == "/v1/text-to-speech/voice_en/with-timestamps")
            #expect(request.headers["xi-api-key"] == VoiceFixture.key && request.headers["authorization"] == nil)
            let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
            #expect(body["text"] as? String == spoken && body["model_id"] as? String == "model-1")

            #expect(narration.provider == "voice" && VoiceFixture.wellFormed(narration))
            // The MP3 decodes to the speech's length (encoder delay and padding removed), ±30 ms.
            #expect(abs(narration.sampleCount - Int64(truth.samples)) <= 1_440, "\(narration.sampleCount) vs \(truth.samples)")
            #expect(try narration.words.map(\.text) == VoiceFixture.referenceWords(in: scratch))
            try #require(narration.words.count == truth.words.count)
            // The character times are the true word spans: the words come back to the sample.
            for (word, expected) in zip(narration.words, truth.words) {
                #expect(abs(word.startSample - expected.startSample) <= 1 && abs(word.endSample - expected.endSample) <= 1, "\(word.text)")
            }
            #expect(log.all.first?.units == Double(spoken.count))
        }
    }

    @Test func anAlignmentOfAnotherTextFallsBackToAligningTheAudio() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving(answer: { text in
            let answer = await FakeSpeechServer.elevenLabsAnswer(text)?.json ?? "{}"
            // The same speech, but its alignment spells the text in capitals.
            return answer.replacingOccurrences(of: "\"e\"", with: "\"E\"")
        }) { _, url in
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.elevenLabs, url: url)), to: scratch.file("el.wav")).get()
            #expect(VoiceFixture.wellFormed(narration))
            #expect(try narration.words.map(\.text) == VoiceFixture.referenceWords(in: scratch))
        }
    }

    /// A way to spoil a good reply: edit its JSON object, then (optionally) a text replacement
    /// for what JSON cannot carry (NaN, a number too large for a double, a wrong type).
    struct Spoil: Sendable {
        var name: String
        var code: ProviderError.Code
        var edit: @Sendable (inout [String: Any]) -> Void = { _ in }
        var text: (String, String)?
        var whole: String?
    }

    /// The first start time is set to this, then replaced in the text.
    static let marker = 123_456.5

    static func alignment(_ object: inout [String: Any], _ edit: (inout [Double], inout [Double], inout [String]) -> Void) {
        guard var alignment = object["alignment"] as? [String: Any], var starts = alignment["character_start_times_seconds"] as? [Double],
              var ends = alignment["character_end_times_seconds"] as? [Double], var characters = alignment["characters"] as? [String] else { return }
        edit(&starts, &ends, &characters)
        alignment["character_start_times_seconds"] = starts
        alignment["character_end_times_seconds"] = ends
        alignment["characters"] = characters
        object["alignment"] = alignment
    }

    static let hostile: [Spoil] = [
        Spoil(name: "arrays of different lengths", code: .malformedReply, edit: { alignment(&$0) { _, ends, _ in ends.removeLast() } }),
        Spoil(name: "a negative time", code: .malformedReply, edit: { alignment(&$0) { starts, _, _ in starts[0] = -3 } }),
        Spoil(name: "times that go backwards", code: .malformedReply, edit: { alignment(&$0) { starts, ends, _ in starts[5] = starts[2] - 0.05; ends[5] = starts[5] } }),
        Spoil(name: "an end before its start", code: .malformedReply, edit: { alignment(&$0) { starts, ends, _ in ends[3] = starts[3] - 0.01 } }),
        Spoil(name: "times past the audio", code: .malformedReply, edit: { alignment(&$0) { _, ends, _ in ends[ends.count - 1] = 5_000 } }),
        Spoil(name: "NaN", code: .malformedReply, edit: { alignment(&$0) { starts, _, _ in starts[0] = marker } }, text: ("123456.5", "NaN")),
        Spoil(name: "a number too large for a double", code: .malformedReply, edit: { alignment(&$0) { starts, _, _ in starts[0] = marker } }, text: ("123456.5", "1e400")),
        Spoil(name: "a string for a time", code: .malformedReply, edit: { alignment(&$0) { starts, _, _ in starts[0] = marker } }, text: ("123456.5", "\"0.1\"")),
        Spoil(name: "no alignment", code: .malformedReply, edit: { $0["alignment"] = nil }),
        Spoil(name: "audio_base64 a number", code: .malformedReply, edit: { $0["audio_base64"] = 12 }),
        Spoil(name: "bad base64", code: .malformedReply, edit: { $0["audio_base64"] = "@@@@" + ($0["audio_base64"] as? String ?? "") }),
        Spoil(name: "base64 without its padding", code: .malformedReply, edit: { $0["audio_base64"] = Data("RIFF1".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "") }),
        Spoil(name: "base64 of a PNG", code: .notAudio, edit: { $0["audio_base64"] = SpeechWAV.png.base64EncodedString() }),
        Spoil(name: "base64 of silence", code: .notAudio, edit: { $0["audio_base64"] = SpeechWAV.silence().base64EncodedString() }),
        Spoil(name: "base64 of nothing", code: .notAudio, edit: { $0["audio_base64"] = "" }),
        Spoil(name: "truncated JSON", code: .malformedReply, whole: #"{"audio_base64": "UklGRg==", "alignment": {"characters": ["a"#),
        Spoil(name: "an array for a document", code: .malformedReply, whole: "[1, 2, 3]"),
    ]

    static func spoiled(_ text: String, _ spoil: Spoil) async -> String {
        if let whole = spoil.whole { return whole }
        guard let json = await FakeSpeechServer.elevenLabsAnswer(text)?.json,
              var object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return "{}" }
        spoil.edit(&object)
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return "{}" }
        var spoiled = String(decoding: data, as: UTF8.self)
        if let (from, to) = spoil.text { spoiled = spoiled.replacingOccurrences(of: from, with: to) }
        return spoiled
    }

    @Test(arguments: 0..<hostile.count) func hostileRepliesAreRefused(_ index: Int) async throws {
        let spoil = Self.hostile[index]
        let name = spoil.name, code = spoil.code
        let scratch = ScratchDirectory("hostileElevenLabs-\(index)")
        let cache = ProviderCache(directory: scratch.file("cache"))
        try await Self.serving(answer: { text in await Self.spoiled(text, spoil) }) { server, url in
            let path = scratch.file("el.wav")
            let voice = VoiceFixture.voice(VoiceFixture.config(.elevenLabs, url: url))
            for _ in 0..<2 {
                let error = VoiceFixture.failure(await VoiceFixture.narrate(voice, "Hello there, keeper. The sea is calm.", to: path, cache: cache))
                #expect(error?.code == code, "\(name): \(String(describing: error))")
            }
            #expect(await server.requests().count == 2, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: path), "\(name)")
        }
    }

    @Test func aVoiceIdThatIsNotAnIdIsNeverPutInTheURL() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving { server, url in
            var config = VoiceFixture.config(.elevenLabs, url: url)
            config.voices[.english] = "../../v1/user?x=1"
            let result = await VoiceFixture.narrate(VoiceFixture.voice(config), to: scratch.file("el.wav"))
            #expect(VoiceFixture.failure(result)?.code == .unsupported)
            #expect(await server.requests().isEmpty)
        }
    }
}
