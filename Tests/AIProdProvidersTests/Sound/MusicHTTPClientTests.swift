import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// A studio's music server (`kind = music-http`) on loopback: the body sent, the three reply
/// forms (audio, base64, link), magic-number checks, failures, the cost, and no key anywhere.
@Suite struct MusicHTTPClientTests {
    static func compose(_ config: ProviderConfig, prompt: String = "calm piano, slow", seconds: Double = 2, seed: UInt64 = 11,
                        cache: ProviderCache? = nil) async -> StockFixture.Run<ReceivedMusic> {
        let client = MusicHTTPClient(transport: ProviderTransport(config: config, backoffSeconds: 0.05))
        return await StockFixture.run(stage: .score, cache: cache) { session throws(ProviderError) in
            try client.compose(prompt: prompt, seconds: seconds, seed: seed, session: session)
        }
    }

    static func config(_ url: String, retries: Int = 2, timeout: Double = 300, key: String? = FakeMusicServer.key) -> ProviderConfig {
        var config = FakeMusicServer.config(url, key: key)
        config.retries = retries
        config.timeoutSeconds = timeout
        config.usdPer1kUnits = 50
        return config
    }

    /// Seconds of decoded audio in a reply's bytes.
    static func seconds(_ data: Data, _ fileExtension: String) async -> Double? {
        await blocking {
            let path = NSTemporaryDirectory() + "music-\(UUID().uuidString).\(fileExtension)"
            defer { unlink(path) }
            try? data.write(to: URL(fileURLWithPath: path))
            return (try? MediaProbe(decode: true, measureLoudness: false, limits: MediaLimits()).probe(path))?.durationSeconds
        }
    }

    @Test(arguments: [FakeMusicServer.Reply.raw, .base64, .link])
    func composesAPieceWithItsCredit(_ reply: FakeMusicServer.Reply) async throws {
        try await FakeMusicServer.serving(reply: reply) { server, url in
            let run = await Self.compose(Self.config(url), seconds: 2.5, seed: 11)
            let music = try run.result.get()
            #expect(music.fileExtension == "wav" && music.data.starts(with: Array("RIFF".utf8)))
            #expect(abs((await Self.seconds(music.data, "wav") ?? 0) - 2.5) < 0.05)
            let credit = music.credit
            #expect(credit.role == .music && credit.source == "musicgen" && credit.kind == "music-http" && credit.license == .generated)
            #expect(credit.seed == 11 && credit.prompt == "calm piano, slow")
            #expect(credit.model == (reply == .base64 ? "fake-musicgen" : "musicgen-small"))
            let sent = try #require(await server.requests().first)
            #expect(sent.method == "POST" && sent.path == "/generate")
            #expect(sent.headers["authorization"] == "Bearer \(FakeMusicServer.key)" && sent.headers["content-type"] == "application/json")
            let body = try #require(try JSONSerialization.jsonObject(with: sent.body) as? [String: Any])
            #expect(body["prompt"] as? String == "calm piano, slow" && body["duration"] as? Double == 2.5)
            #expect((body["seed"] as? NSNumber)?.uint64Value == 11 && body["model"] as? String == "musicgen-small")
            #expect(run.calls.first?.units == 1 && run.calls.first?.usd == 0.05 && run.calls.first?.unit == .tracks)
            #expect(run.calls.map(\.purpose) == (reply == .link ? ["compose music", "music download"] : ["compose music"]))
        }
    }

    @Test func withoutAKeyOrModelNeitherIsSent() async throws {
        try await FakeMusicServer.serving { server, url in
            var config = Self.config(url, key: nil)
            config.model = ""
            let run = await Self.compose(config)
            try #expect(try run.result.get().credit.model == nil)
            let sent = try #require(await server.requests().first)
            #expect(sent.headers["authorization"] == nil)
            let body = try #require(try JSONSerialization.jsonObject(with: sent.body) as? [String: Any])
            #expect(body["model"] == nil && body.keys.sorted() == ["duration", "prompt", "seed"])
        }
    }

    /// A server answering every call with `answer(n, base)`, serving a file at `/f/page.html`.
    static func serving<T: Sendable>(_ answer: @escaping @Sendable (Int, String) async throws -> Response,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await StockFixture.serving("generate", method: .post, files: ["f/page.html": (Data("<html>no</html>".utf8), "audio/wav")], answer: answer) { server, base in
            try await body(server, base + "/generate")
        }
    }

    static func audio(_ encoder: String, _ container: String, _ fileExtension: String) throws -> Data {
        try FakePexelsServer.encoded(fileExtension) { path in
            try SyntheticMedia(audioCodec: encoder, container: container).write(audio: "sine=f=330:d=1", channels: 2, to: path)
        }
    }

    @Test func everyAudioFormatIsToldByItsMagicNumber() async throws {
        var formats: [(Data, String)] = [(try Self.audio("libmp3lame", "mp3", "mp3"), "mp3"), (try Self.audio("flac", "flac", "flac"), "flac")]
        if let ogg = try? Self.audio("libvorbis", "ogg", "ogg") { formats.append((ogg, "ogg")) }
        for (data, expected) in formats {
            try await Self.serving({ _, _ in FakeProviderServer.bytes(data, contentType: "text/plain") }) { _, url in
                let run = await Self.compose(Self.config(url))
                try #expect(try run.result.get().fileExtension == expected)
            }
        }
    }

    static let refused: [(body: String, code: ProviderError.Code)] = [
        ("<html><body>Bad gateway</body></html>", .notAudio),
        (#"{"audio_base64": "not base64!"}"#, .malformedReply),
        (#"{"audio_base64": "aGVsbG8gd29ybGQ="}"#, .notAudio),
        (#"{"audio_base64": 42}"#, .malformedReply),
        (#"{"url": ["a"]}"#, .malformedReply),
        (#"{"status": "queued"}"#, .malformedReply),
        (#"{"audio_base64": "UklGR"#, .malformedReply),
        (#"{"url": "http://203.0.113.5/piece.wav"}"#, .malformedReply),
        (#"{"url": "BASE/f/page.html"}"#, .notAudio),
    ]

    @Test(arguments: refused.indices)
    func aReplyThatIsNoAudioIsATypedError(_ index: Int) async throws {
        let (text, code) = Self.refused[index]
        try await Self.serving({ _, base in FakeProviderServer.json(text.replacingOccurrences(of: "BASE", with: base)) }) { _, url in
            let run = await Self.compose(Self.config(url))
            #expect(run.error?.code == code, "\(text): \(String(describing: run.error))")
        }
    }

    @Test func aPictureIsNotMusic() async throws {
        let png = try FakePexelsServer.encoded("png") { path in try SyntheticMedia.image("color=c=red:s=16x16", to: path) }
        try await Self.serving({ _, _ in FakeProviderServer.bytes(png, contentType: "audio/wav") }) { _, url in
            #expect(await Self.compose(Self.config(url)).error?.code == .notAudio)
        }
    }

    @Test func failuresAreRetriedThenTyped() async throws {
        let wav = try FakeMusicServer.wav(seconds: 1, seed: 1)
        try await Self.serving({ count, _ in
            count == 1 ? FakeProviderServer.json(#"{"error": "busy"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"])
                : FakeProviderServer.bytes(wav, contentType: "audio/wav")
        }) { server, url in
            let started = Date()
            let run = await Self.compose(Self.config(url))
            try #expect(try run.result.get().fileExtension == "wav" && Date().timeIntervalSince(started) >= 1)
            #expect(await server.requests().count == 2)
        }
        try await Self.serving({ _, _ in FakeProviderServer.json(#"{"error": "GPU on fire"}"#, status: .internalServerError) }) { server, url in
            let run = await Self.compose(Self.config(url, retries: 1))
            #expect(run.error?.code == .httpStatus && run.calls.first?.attempts == 2 && run.calls.first?.usd == 0)
            #expect(await server.requests().count == 2)
        }
        try await Self.serving({ _, _ in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            return FakeProviderServer.bytes(wav, contentType: "audio/wav")
        }) { _, url in
            #expect(await Self.compose(Self.config(url, retries: 0, timeout: 1)).error?.code == .timedOut)
        }
        try await Self.serving({ _, _ in FakeProviderServer.bytes(Data(repeating: 0, count: 2 << 20), contentType: "audio/wav") }) { _, url in
            var config = Self.config(url)
            config.maxResponseBytes = 64 << 10
            #expect(await Self.compose(config).error?.code == .replyTooLarge)
        }
    }

    @Test(arguments: [0, -1, Double.nan, Double.infinity, 7_200])
    func aLengthThatIsNoPieceIsNotAskedFor(_ seconds: Double) async throws {
        try await FakeMusicServer.serving { server, url in
            #expect(await Self.compose(Self.config(url), seconds: seconds).error?.code == .unsupported)
            #expect(await server.requests().isEmpty)
        }
    }

    @Test func theKeyIsInNoLogLineErrorOrRecord() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("generate") { request, _ -> Response in
                let received = try await server.remember(request)
                return FakeProviderServer.json(#"{"error": "bad key \#(received.headers["authorization"] ?? "")"}"#, status: .forbidden)
            }
        }) { _, base in
            let run = await Self.compose(Self.config(base + "/generate"))
            let error = try #require(run.error)
            #expect(error.status == 403 && !"\(error)".contains(FakeMusicServer.key))
            #expect(!run.lines.isEmpty && run.lines.allSatisfy { !$0.contains(FakeMusicServer.key) })
            #expect(!String(decoding: try JSONEncoder().encode(run.calls), as: UTF8.self).contains(FakeMusicServer.key))
        }
    }
}
