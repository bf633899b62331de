/// The body of `POST {url}/chat/completions`: the fields every OpenAI-compatible server
/// (Ollama, llama.cpp's server, vLLM, LM Studio, Gemini's compatible endpoint) reads, and no
/// others, since some servers refuse a request with a field they do not know.
struct ChatCompletionRequest: Sendable, Hashable, Encodable {
    /// `{"type": "json_schema", "json_schema": {"name", "strict": true, "schema"}}`.
    struct ResponseFormat: Sendable, Hashable, Encodable {
        struct Schema: Sendable, Hashable, Encodable {
            var name: String
            var strict = true
            var schema: JSONValue
        }

        var type = "json_schema"
        var jsonSchema: Schema

        enum CodingKeys: String, CodingKey {
            case type
            case jsonSchema = "json_schema"
        }
    }

    var model: String
    var messages: [ChatMessage]
    var maxTokens: Int
    /// 0: the same request gives the same answer as far as the server allows, so a plan is
    /// reproducible, and a retried job's cache key is worth keeping.
    var temperature = 0
    var stream = false
    var responseFormat: ResponseFormat?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case maxTokens = "max_tokens"
        case responseFormat = "response_format"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(messages, forKey: .messages)
        try container.encode(maxTokens, forKey: .maxTokens)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(stream, forKey: .stream)
        try container.encodeIfPresent(responseFormat, forKey: .responseFormat)
    }
}
