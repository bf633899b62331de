/// What a provider charges for: the unit of its price and of every call's recorded usage.
public enum ProviderUnit: String, Sendable, Hashable, CaseIterable, Codable {
    case tokens
    case characters
    case seconds
    case images
    /// Pieces of music (`music-http`).
    case tracks
    /// Searches (stock and sound libraries, usually free).
    case requests

    /// The cost line's kind for this unit (the names ``CostModel`` uses for `[costs]`).
    public var costKind: String {
        switch self {
        case .tokens: "llm_tokens"
        case .characters: "tts_characters"
        case .seconds: "video_seconds"
        case .images: "images"
        case .tracks: "music_tracks"
        case .requests: "provider_requests"
        }
    }
}
