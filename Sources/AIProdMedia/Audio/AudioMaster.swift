import AIProdCore
import Foundation

/// Masters a soundtrack to a loudness target: measure, then correct, then measure again.
///
/// One-pass `loudnorm` is a dynamic normaliser and misses the target; a linear gain computed
/// from the integrated loudness hits it exactly. Only when that gain would push true peaks over
/// the ceiling does a lookahead limiter join in; the limiter lowers loudness a little, so the
/// gain is corrected and the result measured again until both targets hold.
struct AudioMaster {
    /// Headroom kept under the ceiling before encoding: AAC's own overshoot stays under it.
    static let encoderMargin = 1.0
    /// How close to the target the measured master must land (the promise is ±0.5 LU).
    static let tolerance = 0.15
    static let maxPasses = 6

    let plan: SoundtrackPlan
    let target: LoudnessTarget
    /// Checked every block, so a cancel during mastering is as prompt as during the render.
    var cancellation = RenderCancellation()

    func decide() throws(MediaError) -> MasteringDecision {
        let before = try measure(chain: MasteringDecision.bandLimit)
        // Silence (or near silence) cannot be brought to a target: leave it alone.
        guard before.integratedLufs > -69 else {
            return MasteringDecision(gainDb: 0, limiterDb: nil, measuredBefore: before, predicted: before, passes: 1)
        }
        let ceiling = target.truePeakDbtp - Self.encoderMargin
        var decision = MasteringDecision(
            gainDb: target.targetLufs - before.integratedLufs, limiterDb: nil,
            measuredBefore: before, predicted: before, passes: 1)
        decision.predicted = LoudnessMeasurement(
            integratedLufs: target.targetLufs, truePeakDbtp: before.truePeakDbtp + decision.gainDb,
            loudnessRange: before.loudnessRange)
        if decision.predicted.truePeakDbtp <= ceiling { return decision }

        decision.limiterDb = ceiling - 0.3
        while decision.passes < Self.maxPasses {
            let result = try measure(chain: decision.filterChain)
            decision.passes += 1
            decision.predicted = result
            let loudnessError = target.targetLufs - result.integratedLufs
            let peakExcess = result.truePeakDbtp - ceiling
            if abs(loudnessError) <= Self.tolerance, peakExcess <= 0 { break }
            decision.gainDb += loudnessError
            if peakExcess > 0 { decision.limiterDb! -= peakExcess + 0.1 }
        }
        return decision
    }

    /// Mixes the whole soundtrack through `chain` into the meter.
    private func measure(chain: String?) throws(MediaError) -> LoudnessMeasurement {
        let mixer = try SoundtrackMixer(plan: plan)
        let meter = try LoudnessMeter(channels: 2, prefix: chain)
        var block = [Float](repeating: 0, count: 9600 * 2)
        while true {
            try cancellation.check()
            let frames = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try mixer.render(into: buffer)
            }
            if frames == 0 { break }
            try block.withUnsafeBufferPointer { buffer throws(MediaError) in
                try meter.add(UnsafeBufferPointer(rebasing: buffer[0..<(frames * 2)]))
            }
        }
        return try meter.finish()
    }
}
