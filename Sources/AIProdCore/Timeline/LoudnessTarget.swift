/// The mastering target: integrated loudness (EBU R128 / ITU BS.1770) and a true-peak ceiling.
public struct LoudnessTarget: Codable, Sendable, Hashable {
    /// Integrated loudness in LUFS, e.g. −16 for the web, −23 for EBU broadcast.
    public var targetLufs: Double
    /// Maximum true peak in dBTP, e.g. −1.5.
    public var truePeakDbtp: Double

    public init(targetLufs: Double = -16, truePeakDbtp: Double = -1.5) {
        self.targetLufs = targetLufs
        self.truePeakDbtp = truePeakDbtp
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        targetLufs = try c.decode(.targetLufs, default: -16)
        truePeakDbtp = try c.decode(.truePeakDbtp, default: -1.5)
    }
}
