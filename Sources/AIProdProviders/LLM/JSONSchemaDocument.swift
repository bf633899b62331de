/// The shape a chat reply must have: sent as `response_format: json_schema` to a server that
/// supports structured output, or written into the prompt for one that does not.
///
/// Keep schemas inside the subset OpenAI's strict mode accepts (every property required,
/// `additionalProperties: false`, no `minItems`/`maxLength`): local servers turn them into a
/// grammar, and a keyword they do not know gets the request refused. Everything a schema
/// cannot say (ranges, counts, cross-field rules) the caller validates after decoding.
public struct JSONSchemaDocument: Sendable, Hashable {
    /// `json_schema.name`: 1…64 of a-z, A-Z, 0-9, `_` and `-`.
    public var name: String
    /// The JSON Schema itself, an object.
    public var schema: JSONValue

    public init(name: String, schema: JSONValue) {
        self.name = name
        self.schema = schema
    }

    /// Whether `name` is one the API accepts.
    public var hasValidName: Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    /// What is appended to the last user message when the schema cannot be sent as
    /// `response_format`: the model is asked for the object alone, and the reply's JSON is
    /// then found in whatever text surrounds it.
    public var promptInstruction: String {
        "Answer with exactly one JSON object and nothing else (no prose, no code fence). It must match this JSON Schema:\n"
            + schema.text
    }
}
