/// One message of a chat completion request, as the OpenAI-compatible API spells it:
/// `{"role": "system" | "user" | "assistant", "content": "…"}`.
public struct ChatMessage: Sendable, Hashable, Encodable {
    public enum Role: String, Sendable, Hashable, Encodable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> ChatMessage { ChatMessage(.system, content) }
    public static func user(_ content: String) -> ChatMessage { ChatMessage(.user, content) }
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(.assistant, content) }
}
