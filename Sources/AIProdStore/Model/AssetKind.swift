/// What an uploaded asset is, as probing found (never from its name).
public enum AssetKind: String, Codable, Sendable {
    case image, video, audio
}
