/// Whether an `openai-chat` provider is asked for JSON-schema structured output
/// (`response_format: json_schema`). Not every compatible server has it.
public enum StructuredOutput: String, Sendable, Hashable, CaseIterable {
    /// Asks for it; a server that refuses the field (HTTP 400) is asked again without, and its
    /// JSON is extracted from the text.
    case auto
    /// Always asks; a refusal is the provider's failure.
    case on
    /// Never asks: the schema goes into the prompt and JSON is extracted from the text.
    case off
}
