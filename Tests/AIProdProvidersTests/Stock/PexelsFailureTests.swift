import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// What a failing or hostile Pexels can do: every failure is a typed ProviderError (never a
/// crash, never a wrong file), retries and `Retry-After` are honoured, bad answers are not
/// cached, downloads stay on https or the API's own host, and the key is in no log line.
@Suite struct PexelsFailureTests {
    /// A Pexels answering search `n` (from 1) with `answer(n, base)`, serving a real JPEG at
    /// `/files/photo.jpg` and an HTML page at `/files/page.jpg`.
    static func serving<T: Sendable>(_ answer: @escaping @Sendable (Int, String) async throws -> Response,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let jpeg = try FakePexelsServer.jpeg(hex: "c08040", width: 1_920, height: 1_080)
        let page = Data("<html><body>Not a photo</body></html>".utf8)
        return try await StockFixture.serving("v1/search", files: ["files/photo.jpg": (jpeg, "image/jpeg"), "files/page.jpg": (page, "image/jpeg")],
                                              answer: answer, body)
    }

    /// A one-photo page whose file is at `link`.
    static func page(_ link: String) -> Response {
        FakeProviderServer.json("""
        {"photos": [{"id": 42, "width": 1920, "height": 1080, "url": "https://www.pexels.com/photo/42/", "photographer": "Jo",
          "photographer_url": "https://www.pexels.com/@jo", "alt": "A barn", "src": {"original": "\(link)", "large2x": "\(link)", "large": "\(link)"}}]}
        """)
    }

    @Test func serverErrorsAreRetriedThenFail() async throws {
        try await Self.serving({ _, _ in FakeProviderServer.json(#"{"error": "down"}"#, status: .internalServerError) }) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url, retries: 2), StockFixture.query())
            let error = try #require(run.error)
            #expect(error.code == .httpStatus && error.status == 500)
            #expect(await server.requests().count == 3)
            #expect(run.calls.map(\.outcome) == [.failed] && run.calls.first?.attempts == 3 && run.calls.first?.usd == 0)
        }
    }

    @Test func a429WithRetryAfterIsWaitedFor() async throws {
        try await Self.serving({ count, base in
            count == 1 ? FakeProviderServer.json(#"{"error": "Rate limit"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"])
                : Self.page(base + "/files/photo.jpg")
        }) { server, url in
            let started = Date()
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query())
            let media = try #require(try run.result.get())
            #expect(media.fileExtension == "jpg" && media.credit.author == "Jo" && media.credit.title == "A barn")
            #expect(Date().timeIntervalSince(started) >= 1)
            #expect(await server.requests().map(\.path) == ["/v1/search", "/v1/search", "/files/photo.jpg"])
            #expect(run.calls.first?.attempts == 2)
        }
    }

    @Test func aSlowSearchTimesOut() async throws {
        try await Self.serving({ _, base in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            return Self.page(base + "/files/photo.jpg")
        }) { _, url in
            let run = await StockFixture.find(StockFixture.pexels(url, retries: 0, timeout: 1), StockFixture.query())
            #expect(run.error?.code == .timedOut)
            #expect(run.calls.map(\.outcome) == [.failed])
        }
    }

    static let hostile: [String] = [
        "not json at all",
        #"{"photos": [{"id": 1, "width": 1920, "#,
        #"{"photos": "many"}"#,
        #"{"results": []}"#,
        #"{"photos": [{"id": 1, "width": "wide", "height": 1080, "src": {}}]}"#,
        #"{"photos": [{"id": 123456789012345678901234567890, "width": 1920, "height": 1080, "src": {}}]}"#,
        #"{"photos": [{"id": 1, "width": 1e300, "height": 1080, "src": {}}]}"#,
        #"{"photos": [{"id": 1, "width": -1920, "height": 1080, "src": {}}]}"#,
        #"{"photos": [{"id": 1, "width": 1920, "height": 1080000000, "src": {}}]}"#,
        #"{"photos": [{"id": 1, "width": 1920, "height": 1080, "src": {"original": 7}}]}"#,
        "{\"photos\": [" + Array(repeating: #"{"id": 1, "width": 1920, "height": 1080, "src": {}}"#, count: 81).joined(separator: ",") + "]}",
    ]

    @Test(arguments: hostile)
    func aMalformedReplyIsATypedErrorAndNotCached(_ body: String) async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _, _ in FakeProviderServer.json(body) }) { server, url in
            let cache = ProviderCache(directory: scratch.path + "/cache")
            for _ in 0..<2 {
                let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(), cache: cache)
                #expect(run.error?.code == .malformedReply, "\(body.prefix(60)): \(String(describing: run.error))")
            }
            #expect(await server.requests().count == 2)
        }
    }

    @Test func aHugeReplyIsRefused() async throws {
        try await Self.serving({ _, _ in FakeProviderServer.bytes(Data(repeating: 0x20, count: 2 << 20), contentType: "application/json") }) { _, url in
            var config = StockFixture.pexels(url)
            config.maxResponseBytes = 64 << 10
            let run = await StockFixture.find(config, StockFixture.query())
            #expect(run.error?.code == .replyTooLarge)
        }
    }

    @Test(arguments: ["http://198.51.100.7/photo.jpg", "ftp://images.pexels.com/photo.jpg", "file:///etc/passwd", "https://user:pw@images.pexels.com/p.jpg"])
    func aDownloadOffTheProviderIsRefused(_ link: String) async throws {
        try await Self.serving({ _, _ in Self.page(link) }) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query())
            let error = try #require(run.error)
            #expect(error.code == .malformedReply && error.message.contains("refused"), "\(error)")
            #expect(await server.requests().map(\.path) == ["/v1/search"])
        }
    }

    @Test func aFileThatIsNoPictureIsRefusedAndNotCached() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _, base in Self.page(base + "/files/page.jpg") }) { server, url in
            let cache = ProviderCache(directory: scratch.path + "/cache")
            for _ in 0..<2 {
                let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(), cache: cache)
                #expect(run.error?.code == .malformedReply)
            }
            // The search was good (cached); the bad file is fetched again, never kept.
            #expect(await server.requests().map(\.path) == ["/v1/search", "/files/page.jpg", "/files/page.jpg"])
        }
    }

    @Test func aSecondIdenticalFindIsServedFromTheCache() async throws {
        let scratch = ScratchDirectory()
        try await FakePexelsServer.serving { server, url in
            let cache = ProviderCache(directory: scratch.path + "/cache")
            let config = StockFixture.pexels(url, usdPer1kUnits: 5)
            let first = await StockFixture.find(config, StockFixture.query(), cache: cache)
            let second = await StockFixture.find(config, StockFixture.query(), cache: cache)
            let one = try #require(try first.result.get()), two = try #require(try second.result.get())
            #expect(one.data == two.data && one.credit == two.credit)
            #expect(await server.requests().count == 2)
            #expect(second.calls.map(\.outcome) == [.cached, .cached] && second.calls.map(\.usd) == [0, 0])
            #expect(first.calls.map(\.usd) == [0.005, 0])
        }
    }

    @Test func theKeyIsInNoLogLineErrorOrRecord() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.get("v1/search") { request, _ -> Response in
                let received = try await server.remember(request)
                return FakeProviderServer.json(#"{"error": "Invalid key \#(received.headers["authorization"] ?? "")"}"#, status: .unauthorized)
            }
        }) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query())
            let error = try #require(run.error)
            #expect(error.status == 401 && error.message.contains("(redacted)") && !"\(error)".contains(FakePexelsServer.key))
            #expect(await server.requests().first?.headers["authorization"] == FakePexelsServer.key)
            #expect(!run.lines.isEmpty && run.lines.allSatisfy { !$0.contains(FakePexelsServer.key) })
            let records = String(decoding: try JSONEncoder().encode(run.calls), as: UTF8.self)
            #expect(!records.contains(FakePexelsServer.key))
        }
    }
}
