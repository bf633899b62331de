/// One stream of a probed file.
public struct StreamInfo: Codable, Sendable, Hashable {
    public var index: Int
    /// `video`, `audio`, `subtitle`, `data`…
    public var type: String
    public var codec: String
    public var profile: String?
    public var width: Int?
    public var height: Int?
    public var pixelFormat: String?
    /// Average frame rate as `N/D`.
    public var frameRate: String?
    /// Frames (video) or packets (audio) the container declares; with `decode`, the frames decoded.
    public var frames: Int64?
    public var sampleRate: Int?
    public var channels: Int?
    public var sampleFormat: String?
    public var durationSeconds: Double?
    public var bitRate: Int64?
    /// With `decode`: audio samples per channel decoded.
    public var decodedSamples: Int64?
}
