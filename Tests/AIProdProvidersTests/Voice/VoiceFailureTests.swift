import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// What a hostile or failing speech server can do, against `kind = openai-speech` (the API
/// whose reply is the audio itself): every failure is a typed ProviderError, nothing is left at
/// the narration's path, nothing bad is cached, and no key reaches a log line.
@Suite struct VoiceFailureTests {
    static let text = "Hello there. This is a short test."

    /// A speech server answering request `n` (from 1) with `answer(n)`.
    static func serving<T: Sendable>(_ answer: @escaping @Sendable (Int, FakeProviderServer.Received) async throws -> Response,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let counter = Counter()
        return try await FakeProviderServer.serving({ router, server in
            router.post("v1/audio/speech") { request, _ -> Response in
                let received = try await server.remember(request)
                return try await answer(await counter.next(), received)
            }
        }) { server, base in
            try await body(server, base + "/v1")
        }
    }

    static func speech(_ text: String = text) async -> Response {
        let wav = await blocking { (try? SpeechWAV.espeak(text)).map { SpeechWAV.pcm16($0.samples) } ?? Data() }
        return FakeProviderServer.bytes(wav, contentType: "audio/wav")
    }

    @Test func serverErrorsAreRetriedThenFail() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _, _ in FakeProviderServer.json(#"{"error": "overloaded"}"#, status: .internalServerError) }) { server, url in
            let log = CallLog()
            let path = scratch.file("x.wav")
            let result = await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url, retries: 2)), Self.text, to: path, log: log)
            let error = try #require(VoiceFixture.failure(result))
            #expect(error.code == .httpStatus && error.status == 500)
            #expect(await server.requests().count == 3)
            #expect(log.all.map(\.outcome) == [.failed] && log.all.first?.attempts == 3 && log.all.first?.usd == 0)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func a429WithRetryAfterIsWaitedForThenSpoken() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ count, _ in
            count == 1 ? FakeProviderServer.json(#"{"error": "slow down"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"]) : await Self.speech()
        }) { server, url in
            let log = CallLog()
            let started = Date()
            let narration = try await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url, retries: 2)), Self.text,
                                                           to: scratch.file("x.wav"), log: log).get()
            #expect(Date().timeIntervalSince(started) >= 1)
            #expect(await server.requests().count == 2)
            #expect(VoiceFixture.wellFormed(narration) && log.all.first?.attempts == 2)
        }
    }

    @Test func aRateLimitThatNeverEndsIsRateLimited() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _, _ in FakeProviderServer.json("{}", status: .tooManyRequests, headers: [.retryAfter: "7200"]) }) { _, url in
            let result = await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url, retries: 2)), Self.text, to: scratch.file("x.wav"))
            #expect(VoiceFixture.failure(result)?.code == .rateLimited)
        }
    }

    /// An answer that takes a minute: longer than any test waits.
    static let neverAnswers: @Sendable (Int, FakeProviderServer.Received) async throws -> Response = { _, _ in
        try await Task.sleep(nanoseconds: 60_000_000_000)
        return FakeProviderServer.json("{}")
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving(Self.neverAnswers) { _, url in
            let path = scratch.file("x.wav")
            let result = await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url, timeout: 1)), Self.text, to: path)
            #expect(VoiceFixture.failure(result)?.code == .timedOut)
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func aCancelledJobStopsWaitingAndLeavesNothing() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving(Self.neverAnswers) { server, url in
            let path = scratch.file("x.wav")
            let cancellation = RenderCancellation()
            async let result = VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url, timeout: 120)), Self.text,
                                                    to: path, cancellation: cancellation)
            // Cancel once the request is in flight (generous deadline: two noisy cores).
            for _ in 0..<600 where await server.requests().isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
            cancellation.cancel()
            #expect(VoiceFixture.failure(await result)?.code == .cancelled)
            #expect(scratch.contents.isEmpty)
        }
    }

    /// Replies that are not speech, each refused as `.notAudio` and never cached.
    static let notAudio: [(String, @Sendable () -> Response)] = [
        ("random bytes", { FakeProviderServer.bytes(SpeechWAV.noise(), contentType: "audio/wav") }),
        ("a PNG", { FakeProviderServer.bytes(SpeechWAV.png, contentType: "audio/wav") }),
        ("an empty body", { FakeProviderServer.bytes(Data(), contentType: "audio/wav") }),
        ("a WAV of silence", { FakeProviderServer.bytes(SpeechWAV.silence(), contentType: "audio/wav") }),
        ("a JSON error with status 200", { FakeProviderServer.json(#"{"error": "no audio for you"}"#) }),
        ("a WAV header cut short", { FakeProviderServer.bytes(SpeechWAV.pcm16([Float](repeating: 0.2, count: 48_000)).prefix(30), contentType: "audio/wav") }),
    ]

    @Test(arguments: 0..<notAudio.count) func audioThatIsNotSpeechIsRefused(_ index: Int) async throws {
        let (name, reply) = Self.notAudio[index]
        let scratch = ScratchDirectory("notAudio-\(index)")
        let cache = ProviderCache(directory: scratch.file("cache"))
        try await Self.serving({ _, _ in reply() }) { server, url in
            let path = scratch.file("x.wav")
            let voice = VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url))
            for _ in 0..<2 {
                let result = await VoiceFixture.narrate(voice, Self.text, to: path, cache: cache)
                #expect(VoiceFixture.failure(result)?.code == .notAudio, "\(name)")
            }
            // Refused replies are not cached: the second narration asked again.
            #expect(await server.requests().count == 2, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: path), "\(name)")
            #expect(scratch.contents.filter { $0 != "cache" }.isEmpty, "\(name): \(scratch.contents)")
        }
    }

    @Test func soundFarLongerThanTheTextIsRefused() async throws {
        let scratch = ScratchDirectory()
        // Two minutes of a tone for a sentence the reference reads in about two seconds.
        let tone = (0..<(48_000 * 120)).map { Float(0.3 * sin(Double($0) * 0.05)) }
        let wav = SpeechWAV.pcm16(tone)
        try await Self.serving({ _, _ in FakeProviderServer.bytes(wav, contentType: "audio/wav") }) { _, url in
            let result = await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url)), Self.text, to: scratch.file("x.wav"))
            let error = try #require(VoiceFixture.failure(result))
            #expect(error.code == .notAudio && error.message.contains("more than"))
        }
    }

    @Test func soundFarShorterThanTheTextIsRefused() async throws {
        let scratch = ScratchDirectory()
        let blip = SpeechWAV.pcm16((0..<(48_000 / 5)).map { Float(0.3 * sin(Double($0) * 0.05)) })
        try await Self.serving({ _, _ in FakeProviderServer.bytes(blip, contentType: "audio/wav") }) { _, url in
            let result = await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url)), VoiceFixture.english, to: scratch.file("x.wav"))
            #expect(VoiceFixture.failure(result)?.code == .notAudio)
        }
    }

    @Test func aFloatWAVHoldingNaNsIsRefused() async throws {
        let scratch = ScratchDirectory()
        var samples = (0..<(48_000 * 2)).map { Float(0.3 * sin(Double($0) * 0.05)) }
        samples[1_000] = .nan
        try WAVFile.write(samples, channels: 1, to: scratch.file("nan.wav"))
        let wav = try Data(contentsOf: URL(fileURLWithPath: scratch.file("nan.wav")))
        try await Self.serving({ _, _ in FakeProviderServer.bytes(wav, contentType: "audio/wav") }) { _, url in
            let result = await VoiceFixture.narrate(VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url)), Self.text, to: scratch.file("x.wav"))
            #expect(VoiceFixture.failure(result)?.code == .notAudio)
        }
    }

    @Test func aReplyOverTheSizeCapIsRefused() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _, _ in await Self.speech() }) { _, url in
            let config = VoiceFixture.config(.openAISpeech, url: url, retries: 2, maxBytes: 16 << 10)
            let result = await VoiceFixture.narrate(VoiceFixture.voice(config), Self.text, to: scratch.file("x.wav"))
            #expect(VoiceFixture.failure(result)?.code == .replyTooLarge)
        }
    }

    @Test func theBreakerSkipsAVoiceThatKeepsFailing() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _, _ in FakeProviderServer.json("{}", status: .badGateway) }) { server, url in
            var config = VoiceFixture.config(.openAISpeech, url: url)
            config.breakerFailures = 1
            config.breakerSeconds = 600
            let voice = VoiceFixture.voice(config)
            let log = CallLog()
            #expect(VoiceFixture.failure(await VoiceFixture.narrate(voice, Self.text, to: scratch.file("a.wav"), log: log))?.code == .httpStatus)
            #expect(VoiceFixture.failure(await VoiceFixture.narrate(voice, Self.text, to: scratch.file("b.wav"), log: log))?.code == .circuitOpen)
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.failed, .skipped])
        }
    }

    @Test func theKeyIsInNoLogLineErrorOrRecord() async throws {
        let scratch = ScratchDirectory()
        let capture = LogCapture()
        try await Self.serving({ count, received in
            // The first answer echoes the key it refused, as some APIs do.
            count == 1
                ? FakeProviderServer.json(#"{"error": "invalid key \#(received.headers["authorization"] ?? "")"}"#, status: .unauthorized)
                : await Self.speech()
        }) { server, url in
            let voice = VoiceFixture.voice(VoiceFixture.config(.openAISpeech, url: url))
            let log = CallLog()
            let failed = await VoiceFixture.narrate(voice, Self.text, to: scratch.file("a.wav"), log: log, logger: capture.logger())
            let error = try #require(VoiceFixture.failure(failed))
            #expect(error.status == 401 && !"\(error)".contains(VoiceFixture.key))
            _ = try await VoiceFixture.narrate(voice, Self.text, to: scratch.file("b.wav"), log: log, logger: capture.logger()).get()
            #expect(await server.requests().first?.headers["authorization"] == "Bearer \(VoiceFixture.key)")
            #expect(!capture.all.isEmpty)
            #expect(capture.all.allSatisfy { !$0.contains(VoiceFixture.key) })
            let records = String(decoding: try JSONEncoder().encode(log.all), as: UTF8.self)
            #expect(!records.contains(VoiceFixture.key))
        }
    }

    @Test(arguments: [ProviderKind.openAISpeech, .elevenLabs, .googleTTS])
    func noKindPutsItsKeyInALogLineOrAnError(_ kind: ProviderKind) async throws {
        let scratch = ScratchDirectory("key-\(kind.rawValue)")
        let capture = LogCapture()
        try await FakeProviderServer.serving({ router, server in
            // Each API's path, answering 401 with the key header it received echoed back.
            for path in ["v1/audio/speech", "v1/text-to-speech/:voice/with-timestamps", "v1/text:synthesize"] {
                router.post(RouterPath(path)) { request, _ -> Response in
                    let received = try await server.remember(request)
                    let echoed = ["authorization", "xi-api-key", "x-goog-api-key"].compactMap { received.headers[$0] }.joined(separator: " ")
                    return FakeProviderServer.json(#"{"error": "key \#(echoed) is not valid"}"#, status: .unauthorized)
                }
            }
        }) { server, base in
            let log = CallLog()
            let config = VoiceFixture.config(kind, url: kind == .openAISpeech ? base + "/v1" : base)
            let result = await VoiceFixture.narrate(VoiceFixture.voice(config), Self.text, to: scratch.file("x.wav"), log: log, logger: capture.logger())
            let error = try #require(VoiceFixture.failure(result))
            #expect(error.status == 401 && !"\(error)".contains(VoiceFixture.key))
            let sent = try #require(await server.requests().first)
            #expect(sent.headers.values.contains { $0.contains(VoiceFixture.key) } && !sent.path.contains(VoiceFixture.key))
            #expect(!capture.all.isEmpty && capture.all.allSatisfy { !$0.contains(VoiceFixture.key) })
            #expect(!String(decoding: try JSONEncoder().encode(log.all), as: UTF8.self).contains(VoiceFixture.key))
        }
    }
}
