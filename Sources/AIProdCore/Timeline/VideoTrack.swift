/// The picture: clips played one after another (overlapping during transitions), and an
/// optional watermark over everything.
public struct VideoTrack: Codable, Sendable, Hashable {
    public var clips: [Clip]
    public var watermark: Watermark?

    public init(clips: [Clip], watermark: Watermark? = nil) {
        self.clips = clips
        self.watermark = watermark
    }
}
