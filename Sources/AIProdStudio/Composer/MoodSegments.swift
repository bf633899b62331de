import AIProdCore

/// The music's moods along the video: where the plan's scenes change mood for long enough to
/// deserve a piece of their own.
///
/// Scenes are placed as the director will place them (`Director.clipFrames`, `voiceStarts`):
/// a scene's music starts in the middle of the picture transition into it. Neighbouring scenes
/// of one mood make one run; then, while more than one run is left and the shortest is under
/// `minimumFrames`, that run joins its longer neighbour (the earlier on a tie) and runs of one
/// mood that meet are joined. A mood change shorter than the minimum thus stays in the
/// surrounding piece, and the segments always cover the whole video, in order, without gaps.
public struct MoodSegments: Sendable, Hashable {
    public let segments: [MoodSegment]

    /// Segments from consecutive `spans` (each ending where the next starts).
    public init(spans: [MoodSegment], minimumFrames: Int64) {
        var runs: [MoodSegment] = []
        for span in spans where span.frames > 0 { Self.append(span, to: &runs) }
        while runs.count > 1, let shortest = runs.indices.min(by: { runs[$0].frames < runs[$1].frames }),
              runs[shortest].frames < minimumFrames {
            let previous = shortest > 0 ? runs[shortest - 1].frames : -1
            let next = shortest + 1 < runs.count ? runs[shortest + 1].frames : -1
            let into = next > previous ? shortest + 1 : shortest - 1
            runs[shortest].mood = runs[into].mood
            var merged: [MoodSegment] = []
            for run in runs { Self.append(run, to: &merged) }
            runs = merged
        }
        segments = runs
    }

    /// One segment for the whole video (a mood the job forces).
    public init(mood: Mood, frames: Int64) {
        segments = frames > 0 ? [MoodSegment(mood: mood, start: 0, end: frames)] : []
    }

    /// The plan's scenes placed on the video the director will make of them.
    public init(plan: Plan, director: Director, narrationSamples: [Int64], minimumSeconds: Double) {
        precondition(plan.scenes.count == narrationSamples.count, "one narration per scene")
        let total = director.duration(plan: plan, narrationSamples: narrationSamples).samples(at: 48_000)
        let starts = director.voiceStarts(frames: director.clipFrames(plan: plan, narrationSamples: narrationSamples))
        let halfTransition = director.transitionSeconds / Rational(2)
        var bounds: [Int64] = [0]
        for index in starts.indices.dropFirst() {
            bounds.append(min(max((starts[index] - Director.leadIn - halfTransition).samples(at: 48_000), bounds[bounds.count - 1]), total))
        }
        bounds.append(total)
        let spans = plan.scenes.indices.map { MoodSegment(mood: plan.scenes[$0].mood, start: bounds[$0], end: bounds[$0 + 1]) }
        self.init(spans: spans, minimumFrames: Int64((minimumSeconds * 48_000).rounded()))
    }

    private static func append(_ span: MoodSegment, to runs: inout [MoodSegment]) {
        if let last = runs.last, last.mood == span.mood {
            runs[runs.count - 1].end = span.end
        } else {
            runs.append(span)
        }
    }
}
