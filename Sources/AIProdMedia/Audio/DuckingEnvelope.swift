import Foundation

/// Gain in dB per 10 ms hop for one ducked music track: 0 dB away from the voice, −depth under
/// it, with linear ramps (in dB) of `attack` before the voice and `release` after it.
struct DuckingEnvelope: Sendable {
    private let gainDb: [Float]

    init(activity: VoiceActivity, shape: DuckingShape) {
        let count = activity.hopCount
        let attackHops = max(shape.attackSeconds * 100, 1)
        let releaseHops = max(shape.releaseSeconds * 100, 1)
        // Distance (in hops) to the previous and to the next active hop, by two sweeps.
        var sincePrevious = [Double](repeating: .infinity, count: count)
        var untilNext = [Double](repeating: .infinity, count: count)
        var last = -Double.infinity
        for index in 0..<count {
            if activity.active[index] { last = Double(index) }
            sincePrevious[index] = Double(index) - last
        }
        var next = Double.infinity
        for index in stride(from: count - 1, through: 0, by: -1) {
            if activity.active[index] { next = Double(index) }
            untilNext[index] = next - Double(index)
        }
        gainDb = (0..<count).map { index in
            let level = max(0, 1 - sincePrevious[index] / releaseHops, 1 - untilNext[index] / attackHops)
            return Float(-shape.depthDb * min(level, 1))
        }
    }

    /// Linear gain at a timeline sample, interpolated between hops.
    @inline(__always)
    func gain(atSample sample: Int64) -> Float {
        let position = Float(sample) / Float(VoiceActivity.hopSamples)
        let index = min(Int(position), gainDb.count - 1)
        let nextIndex = min(index + 1, gainDb.count - 1)
        let fraction = position - Float(index)
        let db = gainDb[index] + (gainDb[nextIndex] - gainDb[index]) * min(fraction, 1)
        return db == 0 ? 1 : pow(10, db / 20)
    }
}
