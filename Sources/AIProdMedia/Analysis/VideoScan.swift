/// One full decode of a video stream: how many frames decode, the first damage met, and the
/// black stretches (`blackdetect`).
public struct VideoScan: Sendable, Hashable {
    public var frames: Int64
    public var decodeError: String?
    public var blackSpans: [TimeSpan]
}
