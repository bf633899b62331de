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

    /// The filter chain that applies this decision.
    var filterChain: String {
        var chain = String(format: "volume=%.4fdB:precision=double", gainDb)
        if let limiterDb {
            let limit = max(pow(10, limiterDb / 20), 0.0625)
            chain += String(format: ",alimiter=limit=%.6f:attack=5:release=80:level=0:latency=1", limit)
        }
        return chain
    }
}
