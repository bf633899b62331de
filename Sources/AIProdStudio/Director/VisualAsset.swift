/// One of the job's own pictures or clips, with the tags it can be matched by.
public struct VisualAsset: Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable { case image, video }

    public var path: String
    public var kind: Kind
    /// Lower-cased words from the file name (`forest-rain_02.jpg` → forest, rain).
    public var tags: [String]
    /// Seconds, for videos.
    public var duration: Double?
}
