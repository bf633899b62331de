/// The parts of a chat completion reply aiprod reads:
/// `{"choices": [{"message": {"content": "…", "refusal": null}, "finish_reason": "stop"}],
///   "usage": {"prompt_tokens", "completion_tokens", "total_tokens"}}`.
/// Other fields (`id`, `created`, `system_fingerprint`, a server's extras) are ignored; the
/// ones read must have their documented types, or decoding fails.
struct ChatCompletionResponse: Sendable, Hashable, Decodable {
    struct Choice: Sendable, Hashable, Decodable {
        var message: Message?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct Message: Sendable, Hashable, Decodable {
        /// A string; an array of parts or a number fails decoding (aiprod asks for text only).
        var content: String?
        /// OpenAI's structured-output refusal: the model declined to answer.
        var refusal: String?
    }

    struct Usage: Sendable, Hashable, Decodable {
        var promptTokens: Int?
        var completionTokens: Int?
        var totalTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }
    }

    var choices: [Choice]
    var usage: Usage?
}
