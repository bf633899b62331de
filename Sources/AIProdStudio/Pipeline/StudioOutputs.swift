import Foundation

/// The files a script render writes beside `out.mp4`: subtitles, thumbnail, the plan, the
/// timeline (which re-renders with `aiprod render out.timeline.json`), the QA report, and the
/// folder of generated sound the timeline refers to.
public struct StudioOutputs: Sendable, Hashable {
    public let video: String
    public let srt: String
    public let vtt: String
    public let thumbnail: String
    public let plan: String
    public let timeline: String
    public let qa: String
    /// Generated narration, music and effects.
    public let mediaDirectory: String
    /// `mediaDirectory` as the timeline refers to it (relative to the timeline's folder).
    public let mediaReference: String

    public init(video: String) {
        let base = video.hasSuffix(".mp4") ? String(video.dropLast(4)) : video
        self.video = video
        srt = base + ".srt"
        vtt = base + ".vtt"
        thumbnail = base + ".jpg"
        plan = base + ".plan.json"
        timeline = base + ".timeline.json"
        qa = base + ".qa.json"
        mediaDirectory = base + ".media"
        mediaReference = (mediaDirectory as NSString).lastPathComponent
    }

    /// Every file and folder, for clean-up after a failure.
    public var all: [String] { [video, srt, vtt, thumbnail, plan, timeline, qa, mediaDirectory] }
}
