import AIProdCore
import AIProdMedia

/// What a render should be, derived from its timeline (and, for narration, the spoken words'
/// times), so the QA gate can tell a requested black card or pause from a fault.
public struct QAExpectations: Sendable, Hashable {
    public var durationSeconds: Double
    public var frameSeconds: Double
    public var loudness: LoudnessTarget
    /// Stretches the timeline itself makes dark (black cards, dark gradients).
    public var darkSpans: [TimeSpan]
    /// Where narration is spoken on the timeline (first word to last word of each narration).
    public var narrationSpans: [TimeSpan]
    /// Every spoken word, in timeline seconds.
    public var words: [TimeSpan]
    public var cues: [SubtitleCue]

    public init(timeline: Timeline, words: [TimeSpan] = [], narrationSpans: [TimeSpan] = []) {
        let schedule = TimelineSchedule(timeline)
        durationSeconds = schedule.duration.doubleValue
        frameSeconds = (Rational(1) / timeline.output.fps).doubleValue
        loudness = timeline.output.loudness
        var dark: [TimeSpan] = []
        for (index, clip) in timeline.video.clips.enumerated() {
            let entry = schedule.entries[index]
            let span = TimeSpan(start: schedule.time(ofFrame: entry.startFrame).doubleValue,
                                end: schedule.time(ofFrame: entry.endFrame).doubleValue)
            switch clip.content {
            case .color(let card) where Self.isDark(card.color): dark.append(span)
            case .gradient(let card) where Self.isDark(card.from) && Self.isDark(card.to): dark.append(span)
            default: break
            }
            if let transition = clip.transition, [.fadeBlack].contains(transition.kind) {
                dark.append(TimeSpan(start: span.start, end: span.start + schedule.time(ofFrame: entry.transitionFrames).doubleValue))
            }
        }
        darkSpans = dark
        self.narrationSpans = narrationSpans
        self.words = words
        cues = timeline.subtitles?.cues ?? []
    }

    /// Dark enough for blackdetect's pixel threshold (10 % luma).
    static func isDark(_ color: RGBAColor) -> Bool {
        0.299 * Double(color.red) + 0.587 * Double(color.green) + 0.114 * Double(color.blue) < 0.12 * 255
    }
}
