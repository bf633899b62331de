/// One file a stage wrote, as its manifest records it: where it is (relative to the job's
/// folder) and how many bytes it had when the stage finished. A resume trusts a stage only if
/// each of its files is still there with that size.
public struct ArtifactFile: Codable, Sendable, Hashable {
    /// Relative to the job's folder (`media/narration-1.wav`); never absolute, never `..`.
    public var path: String
    public var bytes: Int64

    public init(path: String, bytes: Int64) {
        self.path = path
        self.bytes = bytes
    }
}
