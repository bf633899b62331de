/// Where every clip of a validated timeline lands, in whole output frames, and how long the
/// whole thing lasts in frames and in samples. Computed once from exact rationals, so the
/// video track, the soundtrack and the subtitles agree to the frame and the sample.
public struct TimelineSchedule: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// First output frame of the clip.
        public var startFrame: Int64
        /// Frames the clip lasts, transitions included.
        public var frameCount: Int64
        /// Frames of the transition from the previous clip into this one (0 for a cut).
        public var transitionFrames: Int64

        public var endFrame: Int64 { startFrame + frameCount }
    }

    public let fps: Rational
    public let entries: [Entry]
    public let totalFrames: Int64
    public let sampleRate: Int

    public init(_ timeline: Timeline) {
        let fps = timeline.output.fps
        var entries: [Entry] = []
        var cursor: Int64 = 0
        for clip in timeline.video.clips {
            let frames = clip.duration.rounded(toUnitsOf: fps)
            let transition = entries.isEmpty ? 0 : (clip.transition?.duration.rounded(toUnitsOf: fps) ?? 0)
            let start = cursor - transition
            entries.append(Entry(startFrame: start, frameCount: frames, transitionFrames: transition))
            cursor = start + frames
        }
        self.fps = fps
        self.entries = entries
        self.totalFrames = cursor
        self.sampleRate = OutputSettings.sampleRate
    }

    /// Length of the timeline in seconds, exact.
    public var duration: Rational { Rational(totalFrames) / fps }

    /// Total audio samples (per channel): the timeline's duration at 48 kHz, rounded once.
    public var totalSamples: Int64 { duration.samples(at: sampleRate) }

    /// The time of an output frame, exact.
    public func time(ofFrame frame: Int64) -> Rational { Rational(frame) / fps }

    /// The output frame shown at a time (rounded to the nearest frame).
    public func frame(at time: Rational) -> Int64 { time.rounded(toUnitsOf: fps) }
}
