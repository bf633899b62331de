/// What a media file holds: container, streams, duration, size, and optionally loudness and a
/// full decode check. The QA step reads the same structure.
public struct ProbeResult: Codable, Sendable, Hashable {
    public var path: String
    public var format: String
    public var formatLongName: String?
    public var durationSeconds: Double?
    public var sizeBytes: Int64
    public var bitRate: Int64?
    public var streams: [StreamInfo]
    public var loudness: LoudnessMeasurement?
    /// With `decode`: the first decoding error met, or nil when everything decoded.
    public var decodeError: String?

    public func stream(_ type: String) -> StreamInfo? { streams.first { $0.type == type } }
}
