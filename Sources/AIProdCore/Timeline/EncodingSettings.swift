/// Encoder knobs. Defaults suit web delivery; `crf` 18–23 is the useful range.
public struct EncodingSettings: Codable, Sendable, Hashable {
    /// libx264 constant rate factor (0–51, lower is better quality).
    public var crf: Int
    /// libx264 preset (`ultrafast` … `veryslow`).
    public var preset: String
    /// AAC bitrate in kbit/s.
    public var audioBitrateKbps: Int

    public static let presets = [
        "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow",
    ]

    public init(crf: Int = 21, preset: String = "veryfast", audioBitrateKbps: Int = 160) {
        self.crf = crf
        self.preset = preset
        self.audioBitrateKbps = audioBitrateKbps
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        crf = try c.decodeInteger(.crf, default: 21)
        preset = try c.decode(.preset, default: "veryfast")
        audioBitrateKbps = try c.decodeInteger(.audioBitrateKbps, default: 160)
    }
}
