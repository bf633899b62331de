import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// Narrations from many threads at once take turns inside espeak-ng (one process-wide state):
/// none may get another's samples, word events, voice, rate or pitch.
@Suite("Narrator concurrency")
struct NarratorConcurrencyTests {
    static let english = EspeakNarrator()
    /// French, slower and higher than the English: a rate or pitch that leaked from one call
    /// into the other would change its length and its contour.
    static let french: EspeakNarrator = {
        var config = StudioConfig()
        config.wordsPerMinute = 130
        config.pitch = 70
        return EspeakNarrator(config: config)
    }()

    @Test("two texts, two voices, eight threads at once: each narration is its own text spoken alone")
    func concurrentNarrationsDoNotMix() async throws {
        let directory = try NarratorScratch()
        let soloEnglish = try Self.english.narrate(NarratorTests.english, language: .english, to: directory.file("solo-en.wav"))
        let soloFrench = try Self.french.narrate(NarratorTests.french, language: .french, to: directory.file("solo-fr.wav"))
        // The comparison tells the two apart by far, so a mix-up cannot pass it.
        let apart = try NarrationComparison.envelopeDistance(soloEnglish.path, soloFrench.path)
        #expect(apart > 3 * NarrationComparison.maxEnvelopeDistance, "the two references differ by \(apart) dB")
        #expect(abs(soloEnglish.sampleCount - soloFrench.sampleCount) > 10 * NarrationComparison.tolerance)

        let count = 8
        let results = await withTaskGroup(of: (Int, Result<Narration, StudioError>).self) { group in
            for index in 0..<count {
                group.addTask {
                    let path = directory.file("c\(index).wav")
                    let outcome = await WorkerThread.run { () throws(StudioError) -> Narration in
                        index.isMultiple(of: 2)
                            ? try Self.english.narrate(NarratorTests.english, language: .english, to: path)
                            : try Self.french.narrate(NarratorTests.french, language: .french, to: path)
                    }
                    return (index, outcome.result)
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == count)
        for (index, result) in results.sorted(by: { $0.key < $1.key }) {
            switch result {
            case .success(let narration):
                let (own, other) = index.isMultiple(of: 2) ? (soloEnglish, soloFrench) : (soloFrench, soloEnglish)
                // Its own words, about its own length. Not sample-exact: other suites of the same
                // process narrate with other voices and rates meanwhile, and espeak-ng's reading
                // varies by some tens of milliseconds with what it spoke before.
                #expect(narration.words.map(\.text) == own.words.map(\.text), "narration \(index): its own words")
                #expect(abs(narration.sampleCount - own.sampleCount) <= 5 * NarrationComparison.tolerance,
                        "narration \(index): \(narration.sampleCount) samples, alone \(own.sampleCount)")
                // Its own text's sound, not the other's.
                let ownDistance = try NarrationComparison.envelopeDistance(narration.path, own.path)
                let otherDistance = try NarrationComparison.envelopeDistance(narration.path, other.path)
                #expect(ownDistance * 3 < otherDistance, "narration \(index): \(ownDistance) dB from its text alone, \(otherDistance) dB from the other")
            case .failure(let error):
                Issue.record("narration \(index) failed: \(error)")
            }
        }
    }
}
