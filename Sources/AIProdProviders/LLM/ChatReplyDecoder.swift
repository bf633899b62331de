import Foundation

/// Reads a chat completion reply as hostile input: bounded nesting, the documented types, one
/// choice with text content that finished normally, a sane token count. Anything else is
/// `malformedReply` (and, since the transport caches only what this accepts, never cached).
struct ChatReplyDecoder: Sendable {
    /// The `[provider.NAME]`, for errors.
    var provider: String
    /// Longest content accepted, in characters: a script or a plan is a few thousand; more is a
    /// model that ran away (or a server that is not a chat server).
    var maxContentCharacters = 200_000
    /// Characters of the request's messages, for the token estimate when usage is missing.
    var requestCharacters: Int
    /// The schema the reply must hold a JSON object for, if any.
    var expectsJSON: Bool
    var structured: Bool

    /// Most tokens a reply may claim: more is a broken counter (and would be a broken bill).
    static let maxTokens = 100_000_000

    func decode(_ response: HTTPClientResponse) throws(ProviderError) -> ChatReply {
        guard JSONNesting.isShallow(response.body) else { throw malformed("the reply nests deeper than \(JSONNesting.maxDepth) levels") }
        let reply: ChatCompletionResponse
        do {
            reply = try JSONDecoder().decode(ChatCompletionResponse.self, from: response.body)
        } catch let error as DecodingError {
            throw malformed("not a chat completion: \(Self.describe(error))")
        } catch {
            throw malformed("not a chat completion: \(error)")
        }
        guard let choice = reply.choices.first else { throw malformed("no choices") }
        if let refusal = choice.message?.refusal, !refusal.allSatisfy(\.isWhitespace) {
            throw malformed("the model refused: \(refusal.prefix(200))")
        }
        switch choice.finishReason {
        case "length": throw malformed("the answer was cut at max_tokens (raise max_tokens in [provider.\(provider)])")
        case "content_filter": throw malformed("the answer was withheld by the server's content filter")
        case "tool_calls", "function_call": throw malformed("the model called a tool instead of answering")
        default: break
        }
        guard let content = choice.message?.content else { throw malformed("choices[0].message.content is missing or null") }
        guard !content.allSatisfy(\.isWhitespace) else { throw malformed("choices[0].message.content is empty") }
        // Count bytes first: every character takes at least one.
        if content.utf8.count > maxContentCharacters, content.count > maxContentCharacters {
            throw malformed("the answer is over \(maxContentCharacters) characters")
        }
        let (tokens, estimated) = try self.tokens(reply.usage, content: content)
        return ChatReply(content: content, json: expectsJSON ? JSONObjectExtractor.extract(from: content) : nil,
                         tokens: tokens, tokensEstimated: estimated, finishReason: choice.finishReason, structured: structured)
    }

    /// `total_tokens`, else prompt + completion, else (request + answer characters) / 4, rounded up.
    func tokens(_ usage: ChatCompletionResponse.Usage?, content: String) throws(ProviderError) -> (Int, Bool) {
        let counts = [usage?.totalTokens, usage?.promptTokens, usage?.completionTokens]
        for count in counts.compactMap(\.self) where !(0...Self.maxTokens).contains(count) {
            throw malformed("usage reports \(count) tokens")
        }
        if let total = usage?.totalTokens { return (total, false) }
        if let prompt = usage?.promptTokens, let completion = usage?.completionTokens {
            return (prompt + completion, false)  // Both at most maxTokens: no overflow.
        }
        let characters = requestCharacters + content.count
        return ((characters + 3) / 4, true)
    }

    func malformed(_ message: String) -> ProviderError {
        ProviderError(.malformedReply, provider: provider, message)
    }

    /// "choices[0].message.content: expected String" — where and what, without the payload.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the body" : text
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)): expected \(type), found null"
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            // Foundation reports a number too large for its field like broken JSON, without a path.
            return context.codingPath.isEmpty ? "not valid JSON, or a number out of range" : "\(path(context.codingPath)): out of range or invalid"
        @unknown default: return "undecodable"
        }
    }
}
