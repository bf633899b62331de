/// What an uploaded asset is, found by probing it (never by its name): a still picture, a
/// video clip, or sound. The director shows images and videos; audio is kept for later uses.
public enum AssetKind: String, Codable, Sendable, Hashable, CaseIterable {
    case image, video, audio
}
