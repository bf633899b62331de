import Foundation

/// How the soundtrack is corrected to meet its loudness target, and what the measurements were.
public struct MasteringDecision: Codable, Sendable, Hashable {
    /// Gain applied to the whole mix, dB.
    public var gainDb: Double
    /// Peak limit of the lookahead limiter in dBFS, or nil when none is needed.
    public var limiterDb: Double?
    /// The mix before correction.
    public var measuredBefore: LoudnessMeasurement
    /// The corrected mix, as measured before encoding.
    public var predicted: LoudnessMeasurement
    /// Measurement passes it took.
    public var passes: Int

    /// The band the AAC encoder keeps, applied before measuring and before encoding alike, so
    /// the loudness measured is the loudness delivered (an 8-pole low-pass at the encoder's cut-off).
    static let bandLimit = Array(repeating: "lowpass=f=\(Encoder.aacCutoff):p=2", count: 4).joined(separator: ",")

    /// The filter chain that applies this decision.
    var filterChain: String {
        var chain = Self.bandLimit + String(format: ",volume=%.4fdB:precision=double", gainDb)
        if let limiterDb {
            let limit = max(pow(10, limiterDb / 20), 0.0625)
            chain += String(format: ",alimiter=limit=%.6f:attack=5:release=80:level=0:latency=1", limit)
        }
        return chain
    }
}
