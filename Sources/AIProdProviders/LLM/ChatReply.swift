/// What a chat completion gave: the model's text and what it cost.
public struct ChatReply: Sendable, Hashable {
    /// `choices[0].message.content`, as the model wrote it (never empty).
    public var content: String
    /// When a schema was asked for: the JSON object found in `content` (the whole of it under
    /// structured output; out of code fences or prose otherwise), nil when it holds none. A
    /// reply without one is still a reply: what to do about it (ask again) is the caller's call.
    public var json: String?
    /// `usage.total_tokens` (or prompt + completion tokens); an estimate when the server
    /// reported neither.
    public var tokens: Int
    /// `tokens` is characters / 4, the server reported no usage.
    public var tokensEstimated: Bool
    /// `choices[0].finish_reason`, when given (`stop`).
    public var finishReason: String?
    /// The schema went as `response_format` and the server took it.
    public var structured: Bool

    public init(content: String, json: String?, tokens: Int, tokensEstimated: Bool, finishReason: String?, structured: Bool) {
        self.content = content
        self.json = json
        self.tokens = tokens
        self.tokensEstimated = tokensEstimated
        self.finishReason = finishReason
        self.structured = structured
    }
}
