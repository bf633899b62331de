import AIProdCore
import Foundation
import Logging

/// A `kind = openai-chat` provider: the OpenAI-compatible chat completions API, which local
/// servers (Ollama, llama.cpp's server, vLLM, LM Studio) and hosted ones (OpenAI, Gemini's
/// compatible endpoint, most others) all speak.
///
/// One request per answer, non-streaming, temperature 0. JSON answers use structured output
/// (`response_format: json_schema`, strict) when the section's `structured_output` allows it;
/// with `auto`, a server that refuses the field (HTTP 400) is asked again at once without it,
/// the schema written into the prompt, and the JSON found in its text. Blocking: call it from
/// the job's dedicated thread.
public struct OpenAIChatClient: Sendable {
    public let transport: ProviderTransport

    public init(transport: ProviderTransport) {
        self.transport = transport
    }

    /// The `[provider.NAME]`.
    public var name: String { transport.config.name }

    /// Most characters of messages sent in one request: a script is at most
    /// `max_script_characters`; this only stops a runaway caller.
    public static let maxRequestCharacters = 1_000_000

    /// POST {url}/chat/completions; with `schema` and structured_output auto/on sends
    /// response_format {type: json_schema, json_schema: {name, strict: true, schema}}; auto
    /// falls back (same call) to no response_format on a 400 that refuses it; off or fallback
    /// puts the schema in the prompt and extracts the JSON object from the text (code fences,
    /// prose around it). Returns the content and the usage (total_tokens; if absent, an
    /// estimate: characters / 4).
    public func complete(_ messages: [ChatMessage], schema: JSONSchemaDocument?, purpose: String,
                         session: ProviderSession) throws(ProviderError) -> ChatReply {
        let config = transport.config
        guard messages.last?.role == .user else {
            throw ProviderError(.unsupported, provider: name, "a chat request must end with a user message")
        }
        let characters = messages.reduce(0) { $0 + $1.content.count }
        guard characters <= Self.maxRequestCharacters else {
            throw ProviderError(.unsupported, provider: name, "the request is \(characters) characters, over \(Self.maxRequestCharacters)")
        }
        guard let schema else { return try send(messages, format: nil, purpose: purpose, session: session, expectsJSON: false) }
        guard schema.hasValidName else {
            throw ProviderError(.unsupported, provider: name, "the schema's name \"\(schema.name.prefix(80))\" is not 1…64 of a-z A-Z 0-9 _ -")
        }
        let format = ChatCompletionRequest.ResponseFormat(jsonSchema: .init(name: schema.name, schema: schema.schema))
        let prompted = Self.withInstruction(messages, schema.promptInstruction)
        switch config.structuredOutput {
        case .off:
            return try send(prompted, format: nil, purpose: purpose, session: session, expectsJSON: true)
        case .on:
            return try send(messages, format: format, purpose: purpose, session: session, expectsJSON: true)
        case .auto:
            if StructuredOutputMemory.refuses(config) {
                return try send(prompted, format: nil, purpose: purpose, session: session, expectsJSON: true)
            }
            do throws(ProviderError) {
                return try send(messages, format: format, purpose: purpose, session: session, expectsJSON: true)
            } catch let error where error.code == .httpStatus && error.status == 400 {
                session.logger.notice("the provider refused structured output; asking again with the schema in the prompt", metadata: [
                    "provider": "\(name)", "purpose": "\(purpose)",
                ])
                let reply = try send(prompted, format: nil, purpose: purpose, session: session, expectsJSON: true)
                // Remembered only now: a 400 for another reason (an unknown model) fails both ways.
                StructuredOutputMemory.remember(config)
                return reply
            }
        }
    }

    /// One exchange through the transport (cache, breaker, retries, record).
    func send(_ messages: [ChatMessage], format: ChatCompletionRequest.ResponseFormat?, purpose: String,
              session: ProviderSession, expectsJSON: Bool) throws(ProviderError) -> ChatReply {
        let config = transport.config
        let body = ChatCompletionRequest(model: config.model, messages: messages, maxTokens: config.maxTokens, responseFormat: format)
        let data: Data
        do {
            data = try ChatRequestEncoding.encoder.encode(body)
        } catch {
            throw ProviderError(.unsupported, provider: name, "could not encode the request: \(error)")
        }
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = config.key?.value { headers["Authorization"] = "Bearer \(key)" }
        let request = HTTPClientRequest(method: "POST", url: try transport.endpoint("/chat/completions"), headers: headers, body: data)
        let decoder = ChatReplyDecoder(provider: name, requestCharacters: messages.reduce(0) { $0 + $1.content.count },
                                       expectsJSON: expectsJSON, structured: format != nil)
        return try transport.exchange(request, purpose: purpose, session: session, decode: decoder.decode, units: { Double($0.tokens) })
    }

    /// `messages` with `instruction` appended to the last user message (some chat templates
    /// accept a system message only first, so it is not sent as a second one).
    static func withInstruction(_ messages: [ChatMessage], _ instruction: String) -> [ChatMessage] {
        var messages = messages
        if let last = messages.indices.last { messages[last].content += "\n\n" + instruction }
        return messages
    }
}
