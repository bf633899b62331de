import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Pacing")
    struct Pacing {
        @Test("speech is words at the voice's rate plus 0.35 s per sentence, exact to the millisecond")
        func naturalLength() throws {
            // 11 words at 165 wpm are 4 s; one sentence end adds 0.35 s.
            let plan = try PlannerTests.plan("The quiet lake rests under a gentle breeze early this morning.")
            #expect(plan.scenes[0].wordCount == 11)
            #expect(plan.scenes[0].speechSeconds == Rational(435, 100))
            #expect(plan.scenes[0].pauseSeconds == .zero)
            #expect(plan.estimatedDuration == Rational(435, 100))
            #expect(plan.targetDuration == nil)
            // 10 words: 3.636… s, rounded once to 3.636 s, plus two sentence ends.
            #expect(SpeechPacer.speechMilliseconds(words: 10, sentences: 2, wordsPerMinute: 165) == 4336)
        }

        @Test("a longer target adds pauses in proportion, reaching it exactly, words untouched")
        func longerTarget() throws {
            let natural = try PlannerTests.plan(PlannerTests.englishScript)
            let paced = try PlannerTests.plan(PlannerTests.englishScript, target: Rational(75))
            #expect(natural.estimatedDuration < Rational(60))
            #expect(paced.estimatedDuration == Rational(75))
            #expect(paced.targetDuration == Rational(75))
            #expect(paced.wordsPerMinute == 165)
            #expect(paced.warnings.isEmpty)
            #expect(paced.scenes.map(\.speechSeconds) == natural.scenes.map(\.speechSeconds))
            #expect(paced.scenes.map(\.sentences) == natural.scenes.map(\.sentences))
            #expect(paced.scenes.allSatisfy { $0.pauseSeconds.isPositive && $0.pauseSeconds <= Rational(6) })
            // Proportional: the longest scene gets the longest pause.
            let longest = paced.scenes.max { $0.speechSeconds < $1.speechSeconds }!
            #expect(paced.scenes.allSatisfy { $0.pauseSeconds <= longest.pauseSeconds })
        }

        @Test("pauses stop at 6 s a scene, and the plan says how short it falls")
        func pauseCap() throws {
            let natural = try PlannerTests.plan(PlannerTests.englishScript)
            let paced = try PlannerTests.plan(PlannerTests.englishScript, target: Rational(200))
            #expect(paced.scenes.allSatisfy { $0.pauseSeconds == Rational(6) })
            #expect(paced.estimatedDuration == natural.estimatedDuration + Rational(6 * paced.scenes.count))
            #expect(paced.warnings.count == 1)
            #expect(paced.warnings[0].hasPrefix("the 200 s target needs more than 6 s of pause per scene"))
        }

        @Test("a shorter target speeds the voice up, within 1.25×, keeping every word")
        func shorterTarget() throws {
            let natural = try PlannerTests.plan(PlannerTests.englishScript)
            let paced = try PlannerTests.plan(PlannerTests.englishScript, target: Rational(45))
            #expect(paced.wordsPerMinute > 165 && paced.wordsPerMinute <= 206)
            #expect(paced.estimatedDuration <= Rational(45))
            #expect(paced.estimatedDuration > Rational(44))
            #expect(paced.scenes.map(\.sentences) == natural.scenes.map(\.sentences))
            #expect(paced.scenes.map(\.wordCount) == natural.scenes.map(\.wordCount))
            #expect(paced.warnings == ["narration sped up from 165 to \(paced.wordsPerMinute) words per minute to fit the 45 s target"])
        }

        @Test("an unreachable target is reported, never met by cutting words")
        func unreachable() throws {
            let natural = try PlannerTests.plan(PlannerTests.frenchScript)
            let paced = try PlannerTests.plan(PlannerTests.frenchScript, target: Rational(30))
            #expect(paced.wordsPerMinute == 206)
            #expect(paced.estimatedDuration > Rational(30))
            #expect(paced.scenes.map(\.sentences) == natural.scenes.map(\.sentences))
            #expect(paced.warnings.count == 2)
            #expect(paced.warnings[1].contains("cannot be reached without cutting words"))
        }

        @Test("pauses are shared in whole milliseconds that add up exactly")
        func exactShares() {
            let pacer = SpeechPacer(wordsPerMinute: 165)
            let scenes = [SpeechPacer.Scene(words: 7, sentences: 1), .init(words: 13, sentences: 2), .init(words: 3, sentences: 1)]
            let result = pacer.pace(scenes, target: Rational(100, 7))  // 14.285714… s → 14286 ms
            #expect(result.totalMilliseconds == 14_286)
            #expect(result.pauseMilliseconds.allSatisfy { $0 > 0 && $0 <= 6000 })
        }
    }
}
