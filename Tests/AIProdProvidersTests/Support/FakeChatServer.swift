import Foundation
import Hummingbird

/// An OpenAI-compatible chat completions server on loopback (`POST /v1/chat/completions`), as
/// the API's public reference describes it: `{"choices": [{"index", "message": {"role",
/// "content"}, "finish_reason"}], "usage": {…}}`.
///
/// `serving(_:_:)` answers like a plausible model (see ``FakeChatModel``): plan requests get
/// scenes built from the numbered sentences they list, script requests a script on the
/// prompt's topic in the asked language. Tests of failure modes use `completion(_:)` and
/// ``FakeProviderServer`` directly with their own routes.
enum FakeChatServer {
    /// How the fake server behaves.
    struct Behaviour: Sendable {
        /// Answers 400 to a request with `response_format`, as servers without structured
        /// output do; its JSON answers then come wrapped in prose and a code fence.
        var refusesStructuredOutput = false
        /// Reports `usage`; without it, the client estimates.
        var reportsUsage = true

        init(refusesStructuredOutput: Bool = false, reportsUsage: Bool = true) {
            self.refusesStructuredOutput = refusesStructuredOutput
            self.reportsUsage = reportsUsage
        }
    }

    /// Runs the fake and calls `body` with it and its base URL (`http://127.0.0.1:PORT/v1`,
    /// what `url` in `[provider.NAME]` would say).
    static func serving<T: Sendable>(
        _ behaviour: Behaviour = Behaviour(), _ body: @Sendable (FakeProviderServer, String) async throws -> T
    ) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/chat/completions") { request, _ -> Response in
                let received = try await server.remember(request)
                guard let object = try? JSONSerialization.jsonObject(with: received.body) as? [String: Any] else {
                    return FakeProviderServer.json(#"{"error": {"message": "invalid JSON body"}}"#, status: .badRequest)
                }
                let structured = object["response_format"] != nil
                if structured, behaviour.refusesStructuredOutput {
                    return FakeProviderServer.json(#"{"error": {"message": "response_format is not supported"}}"#, status: .badRequest)
                }
                var content = FakeChatModel.answer(to: messages(in: object))
                if !structured, content.hasPrefix("{") {
                    content = "Here is the plan you asked for:\n\n```json\n\(content)\n```\n\nI hope it helps!"
                }
                let tokens = behaviour.reportsUsage ? (received.body.count + content.utf8.count) / 4 : nil
                return FakeProviderServer.json(completion(content, totalTokens: tokens))
            }
        }) { server, base in
            try await body(server, base + "/v1")
        }
    }

    /// A chat completion reply whose answer is `content`.
    static func completion(_ content: String, finishReason: String? = "stop", totalTokens: Int? = 42) -> String {
        var object: [String: Any] = [
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_764_500_000, "model": "fake-model",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": finishReason.map { $0 as Any } ?? NSNull()]],
        ]
        if let totalTokens {
            object["usage"] = ["prompt_tokens": totalTokens / 2, "completion_tokens": totalTokens - totalTokens / 2, "total_tokens": totalTokens]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The request's messages, as (role, content).
    static func messages(in object: [String: Any]) -> [(role: String, content: String)] {
        ((object["messages"] as? [[String: Any]]) ?? []).map { ($0["role"] as? String ?? "", $0["content"] as? String ?? "") }
    }

    /// The request body of `received` as a JSON object (empty when it is not one).
    static func body(of received: FakeProviderServer.Received) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: received.body) as? [String: Any]) ?? [:]
    }
}
