import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// The transport against a loopback server: retries, `Retry-After`, timeouts, size caps, the
/// circuit breaker, the cache and the call records — and no key in any of them.
@Suite struct ProviderTransportTests {
    static let key = "sk-test-0123456789abcdef"

    /// The timeout is generous unless a test is about it: in a full parallel run the loopback
    /// server's handlers can wait minutes for a cooperative thread, and a timed-out attempt would
    /// be retried and counted.
    static func config(_ url: String, retries: Int = 2, timeout: Double = 300, breakerFailures: Int = 3, maxBytes: Int = 1 << 20) -> ProviderConfig {
        var config = ProviderConfig(name: "fake", kind: .openAIChat, url: url, model: "m", key: ProviderKey(key), usdPer1kUnits: 2)
        config.retries = retries
        config.timeoutSeconds = timeout
        config.breakerFailures = breakerFailures
        config.maxResponseBytes = maxBytes
        return config
    }

    /// Decodes `{"n": <int>}` strictly enough for these tests.
    static func decode(_ response: HTTPClientResponse) throws(ProviderError) -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any], let n = object["n"] as? Int else {
            throw ProviderError(.malformedReply, provider: "fake", "no n")
        }
        return n
    }

    static func call(_ transport: ProviderTransport, _ url: String, log: CallLog, cache: ProviderCache? = nil, body: String = "{}") async -> Result<Int, ProviderError> {
        await blocking {
            let session = ProviderSession(stage: .plan, cache: cache, logger: Logger(label: "test")) { log.record($0) }
            guard let target = URL(string: url) else { return .failure(ProviderError(.unsupported, provider: "fake", "url")) }
            let request = HTTPClientRequest(method: "POST", url: target, headers: ["Authorization": "Bearer \(key)"], body: Data(body.utf8))
            do throws(ProviderError) {
                return .success(try transport.exchange(request, purpose: "test", session: session, decode: decode, units: { Double($0) }))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func retriesAfterServerErrorsAndHonoursRetryAfter() async throws {
        let counter = Counter()
        try await FakeProviderServer.serving({ router, server in
            router.post("flaky") { request, _ -> Response in
                _ = try await server.remember(request)
                switch await counter.next() {
                case 1: return FakeProviderServer.json(#"{"error":"busy"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"])
                case 2: return FakeProviderServer.json(#"{"error":"oops"}"#, status: .internalServerError)
                default: return FakeProviderServer.json(#"{"n": 1500}"#)
                }
            }
        }) { server, base in
            let log = CallLog()
            let transport = ProviderTransport(config: Self.config(base), backoffSeconds: 0.05)
            let started = Date()
            let result = await Self.call(transport, base + "/flaky", log: log)
            #expect(try result.get() == 1500)
            // The 429 asked for a second; the transport waited for it.
            #expect(Date().timeIntervalSince(started) >= 1)
            #expect(await server.requests().count == 3)
            let call = try #require(log.all.first)
            #expect(log.all.count == 1)
            #expect(call.outcome == .succeeded && call.attempts == 3 && call.units == 1500 && call.usd == 3)
        }
    }

    @Test func aRetryAfterLongerThanAiprodWaitsFailsAtOnce() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("later") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json("{}", status: .tooManyRequests, headers: [.retryAfter: "3600"])
            }
        }) { server, base in
            let log = CallLog()
            let result = await Self.call(ProviderTransport(config: Self.config(base)), base + "/later", log: log)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .rateLimited && error.status == 429)
            let sent = await server.requests()
            #expect(sent.count == 1, "\(sent.map(\.path))")
            #expect(log.all.map(\.outcome) == [.failed])
        }
    }

    @Test func timesOutAndGivesUpAfterTheRetries() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("slow") { request, _ -> Response in
                _ = try await server.remember(request)
                try await Task.sleep(nanoseconds: 30_000_000_000)
                return FakeProviderServer.json(#"{"n": 1}"#)
            }
        }) { server, base in
            let log = CallLog()
            let result = await Self.call(ProviderTransport(config: Self.config(base, retries: 1, timeout: 1), backoffSeconds: 0.05), base + "/slow", log: log)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .timedOut)
            #expect(log.all.first?.attempts == 2)
        }
    }

    @Test func aHugeReplyIsRefusedAndNotRetried() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("huge") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.bytes(Data(repeating: 0x20, count: 4 << 20), contentType: "application/json")
            }
        }) { server, base in
            let log = CallLog()
            let result = await Self.call(ProviderTransport(config: Self.config(base, maxBytes: 64 << 10)), base + "/huge", log: log)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .replyTooLarge)
            #expect(await server.requests().count == 1)
        }
    }

    @Test func theBreakerSkipsAFailingProviderWithoutSendingAnything() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("down") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json("{}", status: .serviceUnavailable)
            }
        }) { server, base in
            let log = CallLog()
            var config = Self.config(base, retries: 0, breakerFailures: 2)
            // Long enough that a loaded machine cannot let it lapse mid-test; the trial call after
            // the period is CircuitBreakerTests' (a clock of its own).
            config.breakerSeconds = 3_600
            let transport = ProviderTransport(config: config)
            for _ in 0..<2 { _ = await Self.call(transport, base + "/down", log: log) }
            let sentBefore = await server.requests().count
            #expect(sentBefore == 2)
            let skipped = await Self.call(transport, base + "/down", log: log)
            guard case .failure(let error) = skipped else { Issue.record("expected a skip"); return }
            #expect(error.code == .circuitOpen)
            #expect(await server.requests().count == sentBefore)
            #expect(log.all.map(\.outcome) == [.failed, .failed, .skipped])
            #expect(transport.breaker.isOpen)
        }
    }

    @Test func aCachedAnswerIsNotPaidTwiceAndABadOneIsNotCached() async throws {
        let scratch = ScratchDirectory()
        try await FakeProviderServer.serving({ router, server in
            router.post("answer") { request, _ -> Response in
                let received = try await server.remember(request)
                return String(decoding: received.body, as: UTF8.self).contains("bad")
                    ? FakeProviderServer.json(#"{"n": "not a number"}"#) : FakeProviderServer.json(#"{"n": 42}"#)
            }
        }) { server, base in
            let log = CallLog()
            let cache = ProviderCache(directory: scratch.path + "/cache")
            let transport = ProviderTransport(config: Self.config(base))
            for _ in 0..<2 {
                let answer = await Self.call(transport, base + "/answer", log: log, cache: cache)
                let value = try answer.get()
                #expect(value == 42)
            }
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded, .cached])
            #expect(log.all.map(\.usd) == [0.084, 0])
            for _ in 0..<2 { _ = await Self.call(transport, base + "/answer", log: log, cache: cache, body: "bad") }
            #expect(await server.requests().count == 3)
        }
    }

    @Test func theKeyNeverAppearsInErrorsOrRecords() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("echo") { request, _ -> Response in
                let received = try await server.remember(request)
                return FakeProviderServer.json(#"{"error": "Incorrect API key provided: \#(received.headers["authorization"] ?? "")"}"#,
                                               status: .unauthorized)
            }
        }) { server, base in
            let log = CallLog()
            let result = await Self.call(ProviderTransport(config: Self.config(base)), base + "/echo", log: log)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.status == 401)
            #expect(await server.requests().first?.headers["authorization"] == "Bearer \(Self.key)")
            #expect(!"\(error)".contains(Self.key) && error.message.contains("(redacted)"))
            let encoded = try JSONEncoder().encode(log.all)
            #expect(!String(decoding: encoded, as: UTF8.self).contains(Self.key))
        }
    }
}

/// A counter shared with a loopback route.
actor Counter {
    private(set) var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
