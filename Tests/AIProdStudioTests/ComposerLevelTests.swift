@testable import AIProdStudio
import Foundation
import Testing

@Suite("Composer level")
struct ComposerLevelTests {
    private func rms(_ samples: [Float]) -> Float {
        (samples.reduce(Float(0)) { $0 + $1 * $1 } / Float(samples.count)).squareRoot()
    }

    @Test("quiet and loud pieces come out at the same RMS")
    func sameRMS() {
        for amplitude: Float in [0.001, 0.05, 0.5] {
            var samples = (0..<48_003).map { amplitude * sin(Float($0) * 0.05) }  // odd count: the scalar tail too
            FluidSynthComposer.level(&samples, targetRMS: 0.075, ceiling: 0.9)
            #expect(abs(rms(samples) - 0.075) < 0.0005, "from \(amplitude)")
        }
    }

    @Test("a peaky piece is held under the ceiling instead")
    func ceiling() {
        var samples = [Float](repeating: 0.001, count: 10_000)
        samples[5000] = -0.3
        FluidSynthComposer.level(&samples, targetRMS: 0.075, ceiling: 0.9)
        #expect(abs(samples[5000] + 0.9) < 1e-6)
        #expect(samples.allSatisfy { abs($0) <= 0.9 + 1e-6 })
    }

    @Test("silence stays silence")
    func silence() {
        var samples = [Float](repeating: 0, count: 100)
        FluidSynthComposer.level(&samples)
        #expect(samples.allSatisfy { $0 == 0 })
        var empty: [Float] = []
        FluidSynthComposer.level(&empty)
        #expect(empty.isEmpty)
    }
}
