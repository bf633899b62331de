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

    /// The schedule of a timeline ``TimelineValidator`` accepted (it builds one this way).
    /// - Precondition: the timeline is valid; use ``init(validating:)`` for any other.
    public init(_ timeline: Timeline) {
        do {
            self = try TimelineSchedule(validating: timeline)
        } catch {
            preconditionFailure("TimelineSchedule of an unvalidated timeline: \(error)")
        }
    }

    /// The schedule, with checked arithmetic: a clip or transition whose frames, or a sum of
    /// frames, does not fit is an `invalid_value` naming its field.
    public init(validating timeline: Timeline) throws(TimelineError) {
        let fps = timeline.output.fps
        guard fps.isPositive else { throw .invalid("output.fps", "must be > 0, got \(fps)") }
        var entries: [Entry] = []
        entries.reserveCapacity(timeline.video.clips.count)
        var cursor: Int64 = 0
        for (index, clip) in timeline.video.clips.enumerated() {
            let path = "video.clips[\(index)]"
            guard let frames = clip.duration.checkedRounded(toUnitsOf: fps) else {
                throw .invalid("\(path).duration", "\(clip.duration) s is not representable in frames at \(fps) fps")
            }
            var transition: Int64 = 0
            if !entries.isEmpty, let duration = clip.transition?.duration {
                guard let rounded = duration.checkedRounded(toUnitsOf: fps) else {
                    throw .invalid("\(path).transition.duration", "\(duration) s is not representable in frames at \(fps) fps")
                }
                transition = rounded
            }
            let (start, startOverflow) = cursor.subtractingReportingOverflow(transition)
            let (end, endOverflow) = start.addingReportingOverflow(frames)
            guard !startOverflow, !endOverflow else {
                throw .invalid("\(path).duration", "the timeline's length in frames overflows at this clip")
            }
            entries.append(Entry(startFrame: start, frameCount: frames, transitionFrames: transition))
            cursor = end
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
