/// EBU R128 / ITU BS.1770 loudness of a programme.
public struct LoudnessMeasurement: Codable, Sendable, Hashable {
    /// Integrated loudness, LUFS (−70 or below means silence).
    public var integratedLufs: Double
    /// Maximum true peak over all channels, dBTP (4× oversampled).
    public var truePeakDbtp: Double
    /// Loudness range, LU.
    public var loudnessRange: Double

    public init(integratedLufs: Double, truePeakDbtp: Double, loudnessRange: Double) {
        self.integratedLufs = integratedLufs
        self.truePeakDbtp = truePeakDbtp
        self.loudnessRange = loudnessRange
    }
}
