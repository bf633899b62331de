import AIProdCore
import AIProdStudio
import Testing

/// `MoodSegments`: runs of one mood, short runs merged into a neighbour, scenes placed as the
/// director places them.
@Suite("Music: mood segments")
struct MoodSegmentsTests {
    static func spans(_ moods: [(Mood, Double)]) -> [MoodSegment] {
        var start: Int64 = 0
        return moods.map { mood, seconds in
            let end = start + Int64(seconds * 48_000)
            defer { start = end }
            return MoodSegment(mood: mood, start: start, end: end)
        }
    }

    static func seconds(_ segments: MoodSegments) -> [String] {
        segments.segments.map { "\($0.mood.rawValue) \(Double($0.start) / 48_000)-\(Double($0.end) / 48_000)" }
    }

    @Test("a short change stays in the surrounding piece; long runs keep their own")
    func merging() {
        let segments = MoodSegments(spans: Self.spans([(.calm, 30), (.tense, 5), (.calm, 30), (.epic, 25)]), minimumFrames: 20 * 48_000)
        #expect(Self.seconds(segments) == ["calm 0.0-65.0", "epic 65.0-90.0"])
    }

    @Test("neighbouring scenes of one mood are one run; a short run joins its longer neighbour, repeatedly")
    func runs() {
        let same = MoodSegments(spans: Self.spans([(.calm, 4), (.calm, 4), (.calm, 4)]), minimumFrames: 20 * 48_000)
        #expect(Self.seconds(same) == ["calm 0.0-12.0"])
        // sad (8 s) goes to epic (40 s) rather than calm (25 s); then tense (6 s) to its only neighbour.
        let chain = MoodSegments(spans: Self.spans([(.calm, 25), (.sad, 8), (.epic, 40), (.tense, 6)]), minimumFrames: 20 * 48_000)
        #expect(Self.seconds(chain) == ["calm 0.0-25.0", "epic 25.0-79.0"])
        // Everything short: one piece for the whole video.
        let short = MoodSegments(spans: Self.spans([(.calm, 10), (.epic, 12), (.sad, 9)]), minimumFrames: 20 * 48_000)
        #expect(short.segments.count == 1 && short.segments[0].start == 0 && short.segments[0].end == 31 * 48_000)
        #expect(MoodSegments(spans: [], minimumFrames: 1).segments.isEmpty)
    }

    @Test("a forced mood is one segment over the whole video")
    func forced() {
        #expect(MoodSegments(mood: .sad, frames: 1_000).segments == [MoodSegment(mood: .sad, start: 0, end: 1_000)])
    }

    @Test("scenes are placed where the director puts them: changes mid-transition, the whole video covered")
    func fromPlan() {
        let moods: [Mood] = [.calm, .calm, .epic, .epic, .sad]
        let scenes = moods.enumerated().map { index, mood in
            PlannedScene(index: index, heading: "S\(index)", sentences: ["Words."], keywords: [], mood: mood, soundCues: [],
                         transition: .fade, wordCount: 1, speechSeconds: Rational(8), pauseSeconds: Rational(1, 2))
        }
        let plan = Plan(title: "T", language: .english, warnings: [], preset: "web-720p", seed: 1, wordsPerMinute: 165,
                        targetDuration: nil, scenes: scenes)
        let speech = [Int64](repeating: 8 * 48_000, count: moods.count)
        let director = Director(preset: .web720p, seed: 1)
        let total = director.duration(plan: plan, narrationSamples: speech).samples(at: 48_000)
        let segments = MoodSegments(plan: plan, director: director, narrationSamples: speech, minimumSeconds: 15)
        #expect(segments.segments.map(\.mood) == [.calm, .epic])
        #expect(segments.segments.first?.start == 0 && segments.segments.last?.end == total)
        // The change sits half a transition before the third scene's voice lead-in.
        let starts = director.voiceStarts(frames: director.clipFrames(plan: plan, narrationSamples: speech))
        let expected = (starts[2] - Director.leadIn - Preset.web720p.transitionSeconds / Rational(2)).samples(at: 48_000)
        #expect(abs(segments.segments[0].end - expected) <= 1_920, "\(segments.segments[0].end) vs \(expected)")
        #expect(segments.segments[0].end == segments.segments[1].start)
    }
}
