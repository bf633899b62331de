import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// What a hostile or failing image server can do, against `openai-images` and `a1111`: every
/// failure is a typed ProviderError, nothing bad is cached, nothing is paid, and no key reaches
/// a log line or an error.
@Suite struct ImageReplyFailureTests {
    static let prompt = "A quiet street after rain"
    static let request = ImageRequest(prompt: prompt, width: 1920, height: 1080, seed: 11)

    /// A server whose image route answers request `n` (from 1) with `answer(n)`, under both APIs' paths.
    static func serving<T: Sendable>(_ answer: @escaping @Sendable (Int) async throws -> Response,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let counter = Counter()
        return try await FakeProviderServer.serving({ router, server in
            for path in ["v1/images/generations", "sdapi/v1/txt2img"] {
                router.post(RouterPath(path)) { request, _ -> Response in
                    _ = try await server.remember(request)
                    return try await answer(await counter.next())
                }
            }
        }, body)
    }

    static func config(_ kind: ProviderKind, _ base: String, retries: Int = 0, timeout: Double = 300, maxBytes: Int? = nil) -> ProviderConfig {
        ImagesFixture.config(kind, url: kind == .openAIImages ? base + "/v1" : base, model: kind == .openAIImages ? "dall-e-3" : "",
                             retries: retries, timeout: timeout, maxBytes: maxBytes)
    }

    static let png = try! FakeImagePicture.picture(for: prompt, width: 32, height: 32)

    /// A good reply of the kind's shape.
    static func good(_ kind: ProviderKind) -> Response {
        kind == .openAIImages ? FakeProviderServer.json(#"{"created": 1, "data": [{"b64_json": "\#(png.base64EncodedString())"}]}"#)
            : FakeProviderServer.json(#"{"images": ["\#(png.base64EncodedString())"], "parameters": {}, "info": "{}"}"#)
    }

    static let kinds: [ProviderKind] = [.openAIImages, .a1111]

    /// Hostile bodies, each with the code it must give, per kind.
    static let hostile: [(name: String, openAI: String, a1111: String, code: ProviderError.Code)] = [
        ("not JSON", "<html>Bad gateway</html>", "<html>Bad gateway</html>", .malformedReply),
        ("truncated", #"{"data": [{"b64_json": "iVBORw0KGgo"#, #"{"images": ["iVBORw0KGgo"#, .malformedReply),
        ("wrong type", #"{"data": {"b64_json": 5}}"#, #"{"images": "iVBORw0KGgo="}"#, .malformedReply),
        ("wrong item type", #"{"data": [{"b64_json": 12345}]}"#, #"{"images": [12345]}"#, .malformedReply),
        ("huge number", #"{"data": [{"b64_json": 1e999}]}"#, #"{"images": [1e999]}"#, .malformedReply),
        ("no picture", #"{"data": []}"#, #"{"images": []}"#, .malformedReply),
        ("neither field", #"{"data": [{"revised_prompt": "x"}]}"#, #"{"images": null}"#, .malformedReply),
        ("bad base64", #"{"data": [{"b64_json": "not*base64!"}]}"#, #"{"images": ["not*base64!"]}"#, .malformedReply),
        ("empty base64", #"{"data": [{"b64_json": ""}]}"#, #"{"images": [""]}"#, .malformedReply),
        ("not a picture", #"{"data": [{"b64_json": "\#(Data(String(repeating: "<html>error</html>", count: 4).utf8).base64EncodedString())"}]}"#,
         #"{"images": ["\#(Data(String(repeating: "<html>error</html>", count: 4).utf8).base64EncodedString())"]}"#, .malformedReply),
    ]

    @Test(arguments: kinds)
    func hostileRepliesAreTypedErrorsAndNeverCached(kind: ProviderKind) async throws {
        let scratch = ScratchDirectory()
        for (index, item) in Self.hostile.enumerated() {
            let body = kind == .openAIImages ? item.openAI : item.a1111
            try await Self.serving({ count in count == 1 ? FakeProviderServer.json(body) : Self.good(kind) }) { server, base in
                let log = CallLog()
                let cache = ProviderCache(directory: scratch.file("cache-\(index)"))
                let images = try ImagesFixture.images(Self.config(kind, base))
                let result = await ImagesFixture.generate(images, Self.request, log: log, cache: cache)
                let error = try #require(ImagesFixture.failure(result), "\(kind) \(item.name)")
                #expect(error.code == item.code, "\(kind) \(item.name): \(error)")
                #expect(log.all.map(\.outcome) == [.failed] && log.all.first?.usd == 0, "\(item.name)")
                // The bad answer was not kept: the next call asks again and gets the picture.
                let image = try await ImagesFixture.generate(images, Self.request, log: log, cache: cache).get()
                #expect(image.data == Self.png)
                #expect(await server.requests().count == 2, "\(item.name)")
            }
        }
    }

    @Test(arguments: kinds)
    func serverErrorsAreRetriedThenSucceed(kind: ProviderKind) async throws {
        try await Self.serving({ count in
            count < 3 ? FakeProviderServer.json(#"{"error": "CUDA out of memory"}"#, status: .internalServerError) : Self.good(kind)
        }) { server, base in
            let log = CallLog()
            let images = try RemoteImages(transport: ProviderTransport(config: Self.config(kind, base, retries: 2), backoffSeconds: 0.05))
            let image = try await ImagesFixture.generate(images, Self.request, log: log).get()
            #expect(image.fileExtension == "png")
            #expect(await server.requests().count == 3 && log.all.first?.attempts == 3 && log.all.first?.outcome == .succeeded)
        }
    }

    @Test(arguments: kinds)
    func serverErrorsAfterEveryRetryFail(kind: ProviderKind) async throws {
        try await Self.serving({ _ in FakeProviderServer.json(#"{"error": "down"}"#, status: .badGateway) }) { server, base in
            let log = CallLog()
            let images = try RemoteImages(transport: ProviderTransport(config: Self.config(kind, base, retries: 1), backoffSeconds: 0.05))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, Self.request, log: log)))
            #expect(error.code == .httpStatus && error.status == 502)
            #expect(await server.requests().count == 2 && log.all.map(\.outcome) == [.failed])
        }
    }

    @Test(arguments: kinds)
    func a429WithRetryAfterIsWaitedFor(kind: ProviderKind) async throws {
        try await Self.serving({ count in
            count == 1 ? FakeProviderServer.json(#"{"error": "rate limited"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"]) : Self.good(kind)
        }) { server, base in
            let started = Date()
            let images = try ImagesFixture.images(Self.config(kind, base, retries: 1))
            _ = try await ImagesFixture.generate(images, Self.request).get()
            #expect(Date().timeIntervalSince(started) >= 1)
            #expect(await server.requests().count == 2)
        }
    }

    @Test func aSlowServerTimesOut() async throws {
        try await Self.serving({ _ in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            return Self.good(.a1111)
        }) { _, base in
            let images = try ImagesFixture.images(Self.config(.a1111, base, timeout: 1))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, Self.request)))
            #expect(error.code == .timedOut)
        }
    }

    @Test func aHugeReplyIsRefused() async throws {
        try await Self.serving({ _ in
            FakeProviderServer.json(#"{"images": ["\#(String(repeating: "A", count: 2 << 20))"]}"#)
        }) { _, base in
            let images = try ImagesFixture.images(Self.config(.a1111, base, maxBytes: 1 << 20))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, Self.request)))
            #expect(error.code == .replyTooLarge)
        }
    }

    @Test func theKeyIsInNoLogLineErrorOrRecord() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/images/generations") { request, _ -> Response in
                let received = try await server.remember(request)
                return FakeProviderServer.json(#"{"error": {"message": "Incorrect API key provided: \#(received.headers["authorization"] ?? "")"}}"#,
                                               status: .unauthorized)
            }
        }) { server, base in
            let capture = LogCapture()
            let log = CallLog()
            let images = try ImagesFixture.images(Self.config(.openAIImages, base))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, Self.request, log: log, logger: capture.logger())))
            #expect(error.status == 401 && error.message.contains("(redacted)"))
            #expect(await server.requests().first?.headers["authorization"] == "Bearer \(ImagesFixture.key)")
            #expect(!"\(error)".contains(ImagesFixture.key))
            #expect(!capture.all.isEmpty && !capture.all.joined().contains(ImagesFixture.key))
            #expect(!String(decoding: try JSONEncoder().encode(log.all), as: UTF8.self).contains(ImagesFixture.key))
        }
    }
}
