import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// The chat client against loopback servers that speak the chat completions API: structured
/// output and the fallback to JSON in text, the envelope decoded as hostile input, the
/// transport's retries, cache and records as a chat call sees them.
@Suite struct OpenAIChatClientTests {
    static let key = "sk-chat-test-0123456789abcdef"
    static let schema = JSONSchemaDocument(name: "answer", schema: [
        "type": "object", "additionalProperties": false, "required": ["answer"],
        "properties": ["answer": ["type": "string"]],
    ])

    static func client(_ base: String, structured: StructuredOutput = .auto, retries: Int = 0, timeout: Double = 300,
                       maxBytes: Int = 4 << 20, breakerFailures: Int = 3) -> OpenAIChatClient {
        var config = ProviderConfig(name: "chat", kind: .openAIChat, url: base, model: "fake-model", key: ProviderKey(key), usdPer1kUnits: 0.5)
        config.structuredOutput = structured
        config.retries = retries
        config.timeoutSeconds = timeout
        config.maxResponseBytes = maxBytes
        config.breakerFailures = breakerFailures
        return OpenAIChatClient(transport: ProviderTransport(config: config, backoffSeconds: 0.05))
    }

    static func complete(_ client: OpenAIChatClient, schema: JSONSchemaDocument? = schema, log: CallLog = CallLog(),
                         cache: ProviderCache? = nil, logger: Logger = Logger(label: "test"),
                         text: String = "Say ok.") async -> Result<ChatReply, ProviderError> {
        await blocking {
            let session = ProviderSession(stage: .plan, cache: cache, logger: logger) { log.record($0) }
            do throws(ProviderError) {
                return .success(try client.complete([.system("You answer in JSON."), .user(text)], schema: schema, purpose: "test", session: session))
            } catch {
                return .failure(error)
            }
        }
    }

    /// A server answering every chat request with `reply(received)`.
    static func serving<T: Sendable>(
        _ reply: @escaping @Sendable (FakeProviderServer.Received) async throws -> Response,
        _ body: @Sendable (FakeProviderServer, String) async throws -> T
    ) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/chat/completions") { request, _ -> Response in
                try await reply(try await server.remember(request))
            }
        }) { server, base in try await body(server, base + "/v1") }
    }

    @Test func sendsTheSchemaAsStructuredOutputAndReadsTheAnswer() async throws {
        try await Self.serving({ _ in FakeProviderServer.json(FakeChatServer.completion(#"{"answer": "ok"}"#, totalTokens: 1200)) }) { server, base in
            let log = CallLog()
            let reply = try await Self.complete(Self.client(base), log: log).get()
            #expect(reply.json == #"{"answer": "ok"}"# && reply.structured && reply.tokens == 1200 && !reply.tokensEstimated)
            let request = try #require(await server.requests().first)
            #expect(request.path == "/v1/chat/completions" && request.headers["authorization"] == "Bearer \(Self.key)")
            let body = FakeChatServer.body(of: request)
            #expect(body["model"] as? String == "fake-model" && body["max_tokens"] as? Int == 4096 && body["stream"] as? Bool == false)
            let format = try #require(body["response_format"] as? [String: Any])
            let jsonSchema = try #require(format["json_schema"] as? [String: Any])
            #expect(format["type"] as? String == "json_schema" && jsonSchema["name"] as? String == "answer" && jsonSchema["strict"] as? Bool == true)
            let schema = try #require(jsonSchema["schema"] as? [String: Any])
            #expect(schema["additionalProperties"] as? Bool == false)
            // The prompt is left as written: the schema travels in response_format.
            #expect(FakeChatServer.messages(in: body).map(\.content) == ["You answer in JSON.", "Say ok."])
            let call = try #require(log.all.first)
            #expect(call.outcome == .succeeded && call.units == 1200 && call.unit == .tokens && call.usd == 0.6 && call.purpose == "test")
        }
    }

    @Test func aServerThatRefusesStructuredOutputIsAskedAgainAndItsJSONFoundInProse() async throws {
        let fenced = "Sure! Here it is:\n```json\n{\"answer\": \"ok\", \"note\": \"a } in a string\"}\n```\nAnything else?"
        try await Self.serving({ received in
            FakeChatServer.body(of: received)["response_format"] != nil
                ? FakeProviderServer.json(#"{"error": {"message": "Unrecognized request argument: response_format"}}"#, status: .badRequest)
                : FakeProviderServer.json(FakeChatServer.completion(fenced))
        }) { server, base in
            let log = CallLog()
            let client = Self.client(base)
            let reply = try await Self.complete(client, log: log).get()
            #expect(reply.json == #"{"answer": "ok", "note": "a } in a string"}"# && !reply.structured && reply.content == fenced)
            let requests = await server.requests()
            #expect(requests.count == 2)
            let retry = FakeChatServer.body(of: try #require(requests.last))
            #expect(retry["response_format"] == nil)
            let last = try #require(FakeChatServer.messages(in: retry).last)
            #expect(last.content.hasPrefix("Say ok.\n\n") && last.content.contains("JSON Schema") && last.content.contains("\"additionalProperties\":false"))
            #expect(log.all.map(\.outcome) == [.failed, .succeeded])
            // Remembered: the next request goes without response_format at once.
            _ = try await Self.complete(client, text: "Again.").get()
            #expect(await server.requests().count == 3)
            #expect(FakeChatServer.body(of: try #require(await server.requests().last))["response_format"] == nil)
        }
    }

    @Test func aBadRequestForAnotherReasonIsNotTakenForARefusal() async throws {
        try await Self.serving({ _ in FakeProviderServer.json(#"{"error": {"message": "model 'fake-model' not found"}}"#, status: .badRequest) }) { server, base in
            let client = Self.client(base, breakerFailures: 10)
            for _ in 0..<2 {
                let result = await Self.complete(client)
                guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
                #expect(error.code == .httpStatus && error.status == 400 && error.message.contains("not found"))
            }
            // Both calls tried structured output first: the failed fallback taught nothing.
            let formats = await server.requests().map { FakeChatServer.body(of: $0)["response_format"] != nil }
            #expect(formats == [true, false, true, false])
        }
    }

    @Test func structuredOutputOnDoesNotFallBackAndOffNeverAsks() async throws {
        try await Self.serving({ received in
            FakeChatServer.body(of: received)["response_format"] != nil
                ? FakeProviderServer.json(#"{"error": "unsupported"}"#, status: .badRequest)
                : FakeProviderServer.json(FakeChatServer.completion(#"The answer: {"answer": "ok"}."#))
        }) { server, base in
            let refused = await Self.complete(Self.client(base, structured: .on))
            guard case .failure(let error) = refused else { Issue.record("expected a failure"); return }
            #expect(error.code == .httpStatus && error.status == 400)
            #expect(await server.requests().count == 1)
            let reply = try await Self.complete(Self.client(base, structured: .off)).get()
            #expect(reply.json == #"{"answer": "ok"}"#)
            #expect(await server.requests().count == 2)
        }
    }

    @Test func withoutASchemaTheTextIsTheAnswer() async throws {
        try await Self.serving({ _ in FakeProviderServer.json(FakeChatServer.completion("Once upon a time.", totalTokens: nil)) }) { server, base in
            let reply = try await Self.complete(Self.client(base), schema: nil, text: "Tell a story.").get()
            #expect(reply.content == "Once upon a time." && reply.json == nil)
            // No usage: (request + answer characters) / 4, rounded up.
            let characters = "You answer in JSON.".count + "Tell a story.".count + "Once upon a time.".count
            #expect(reply.tokensEstimated && reply.tokens == (characters + 3) / 4)
            #expect(FakeChatServer.body(of: try #require(await server.requests().first))["response_format"] == nil)
        }
    }

    /// Replies that are not what the API promises: each is `malformedReply`, and none is cached.
    static let malformedBodies: [(String, String)] = [
        ("not JSON", "<html>Bad gateway</html>"),
        ("empty", ""),
        ("truncated", String(FakeChatServer.completion("ok").dropLast(20))),
        ("no choices", #"{"choices": []}"#),
        ("choices not an array", #"{"choices": "ok"}"#),
        ("null content", #"{"choices": [{"message": {"role": "assistant", "content": null}, "finish_reason": "stop"}]}"#),
        ("content parts", #"{"choices": [{"message": {"content": [{"type": "text", "text": "hi"}]}, "finish_reason": "stop"}]}"#),
        ("numeric content", #"{"choices": [{"message": {"content": 42}, "finish_reason": "stop"}]}"#),
        ("blank content", FakeChatServer.completion("  \n ")),
        ("cut at max_tokens", FakeChatServer.completion(#"{"answer": "o"#, finishReason: "length")),
        ("filtered", FakeChatServer.completion("…", finishReason: "content_filter")),
        ("refusal", #"{"choices": [{"message": {"content": null, "refusal": "I can't help with that."}, "finish_reason": "stop"}]}"#),
        ("huge token count", #"{"choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}], "usage": {"total_tokens": 1e300}}"#),
        ("negative tokens", #"{"choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}], "usage": {"total_tokens": -5}}"#),
        ("string tokens", #"{"choices": [{"message": {"content": "ok"}, "finish_reason": "stop"}], "usage": {"total_tokens": "12"}}"#),
        ("deep nesting", String(repeating: "[", count: 100_000)),
        ("huge content", FakeChatServer.completion(String(repeating: "word ", count: 60_000))),
    ]

    @Test(arguments: malformedBodies.indices)
    func aMalformedReplyIsRefusedAndNotCached(_ index: Int) async throws {
        let (name, body) = Self.malformedBodies[index]
        let scratch = ScratchDirectory()
        try await Self.serving({ _ in FakeProviderServer.json(body) }) { server, base in
            let log = CallLog()
            let cache = ProviderCache(directory: scratch.path + "/cache")
            for _ in 0..<2 {
                let result = await Self.complete(Self.client(base), schema: nil, log: log, cache: cache)
                guard case .failure(let error) = result else { Issue.record("\(name): expected a failure"); return }
                #expect(error.code == .malformedReply, "\(name): \(error)")
            }
            #expect(await server.requests().count == 2, "\(name): a refused reply must not be cached")
            #expect(log.all.allSatisfy { $0.outcome == .failed && $0.usd == 0 })
        }
    }

    @Test func aReplyOverTheSizeCapIsRefused() async throws {
        let big = FakeChatServer.completion(String(repeating: "a", count: 300_000))
        try await Self.serving({ _ in FakeProviderServer.json(big) }) { _, base in
            let result = await Self.complete(Self.client(base, maxBytes: 64 << 10), schema: nil)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .replyTooLarge)
        }
    }

    @Test func aServerTooSlowTimesOut() async throws {
        try await Self.serving({ _ in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            return FakeProviderServer.json(FakeChatServer.completion("late"))
        }) { server, base in
            let result = await Self.complete(Self.client(base, retries: 1, timeout: 1), schema: nil)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .timedOut)
            #expect(await server.requests().count == 2)
        }
    }

    @Test func rateLimitsAreWaitedOutAndServerErrorsRetried() async throws {
        let counter = Counter()
        try await Self.serving({ _ in
            switch await counter.next() {
            case 1: FakeProviderServer.json(#"{"error": {"message": "slow down"}}"#, status: .tooManyRequests, headers: [.retryAfter: "1"])
            case 2: FakeProviderServer.json(#"{"error": {"message": "overloaded"}}"#, status: .internalServerError)
            default: FakeProviderServer.json(FakeChatServer.completion(#"{"answer": "ok"}"#))
            }
        }) { server, base in
            let log = CallLog()
            let started = Date()
            let reply = try await Self.complete(Self.client(base, retries: 2), log: log).get()
            #expect(reply.json == #"{"answer": "ok"}"#)
            #expect(Date().timeIntervalSince(started) >= 1)
            #expect(await server.requests().count == 3)
            #expect(log.all.map(\.attempts) == [3] && log.all.map(\.outcome) == [.succeeded])
        }
    }

    @Test func serverErrorsPastTheRetriesFailTheCall() async throws {
        try await Self.serving({ _ in FakeProviderServer.json(#"{"error": "down"}"#, status: .badGateway) }) { server, base in
            let result = await Self.complete(Self.client(base, retries: 1))
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .httpStatus && error.status == 502)
            // A 5xx is not a refusal of structured output: no second, schema-in-prompt request.
            #expect(await server.requests().count == 2)
            #expect(await server.requests().allSatisfy { FakeChatServer.body(of: $0)["response_format"] != nil })
        }
    }

    @Test func aProviderThatKeepsFailingIsSkippedByTheBreaker() async throws {
        try await Self.serving({ _ in FakeProviderServer.json(#"{"error": "down"}"#, status: .serviceUnavailable) }) { server, base in
            let log = CallLog()
            let client = Self.client(base, breakerFailures: 2)
            for _ in 0..<2 { _ = await Self.complete(client, log: log) }
            let skipped = await Self.complete(client, log: log)
            guard case .failure(let error) = skipped else { Issue.record("expected a skip"); return }
            #expect(error.code == .circuitOpen)
            #expect(await server.requests().count == 2)
            #expect(log.all.map(\.outcome) == [.failed, .failed, .skipped])
        }
    }

    @Test func aCachedAnswerIsServedWithoutARequest() async throws {
        let scratch = ScratchDirectory()
        try await Self.serving({ _ in FakeProviderServer.json(FakeChatServer.completion(#"{"answer": "ok"}"#, totalTokens: 300)) }) { server, base in
            let log = CallLog()
            let cache = ProviderCache(directory: scratch.path + "/cache")
            let first = try await Self.complete(Self.client(base), log: log, cache: cache).get()
            let second = try await Self.complete(Self.client(base), log: log, cache: cache).get()
            #expect(first == second)
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded, .cached] && log.all.map(\.usd) == [0.15, 0] && log.all.map(\.units) == [300, 300])
        }
    }

    @Test func theKeyIsInNoLogLineErrorOrRecord() async throws {
        try await Self.serving({ received in
            let echoed = received.headers["authorization"] ?? ""
            return FakeChatServer.body(of: received)["response_format"] != nil
                ? FakeProviderServer.json(#"{"error": {"message": "bad response_format for \#(echoed)"}}"#, status: .badRequest)
                : FakeProviderServer.json(#"{"error": {"message": "Incorrect API key provided: \#(echoed)"}}"#, status: .unauthorized)
        }) { server, base in
            let logs = LogCapture()
            let log = CallLog()
            let result = await Self.complete(Self.client(base), log: log, logger: logs.logger())
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.status == 401)
            #expect(await server.requests().count == 2)
            #expect(await server.requests().allSatisfy { $0.headers["authorization"] == "Bearer \(Self.key)" })
            #expect(!logs.all.isEmpty)
            #expect(!logs.all.contains { $0.contains(Self.key) })
            #expect(!"\(error)".contains(Self.key))
            let records = String(decoding: try JSONEncoder().encode(log.all), as: UTF8.self)
            #expect(!records.contains(Self.key) && records.contains("(redacted)"))
        }
    }
}
