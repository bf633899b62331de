import Foundation

/// The files a script render writes beside `OUT.mp4`: subtitles, thumbnail, the plan, the
/// timeline (which re-renders with `aiprod render OUT.timeline.json`), the QA report, and the
/// job's folder (`OUT.media/`) the stages ran in, whose generated sound the timeline refers to.
struct ScriptOutputs {
    let video: String
    let srt: String
    let vtt: String
    let thumbnail: String
    let plan: String
    let timeline: String
    let qa: String
    /// The job's folder.
    let jobDirectory: String
    /// `jobDirectory` as the timeline refers to it (relative to the timeline's folder).
    let jobReference: String

    init(video: String) {
        let base = video.hasSuffix(".mp4") ? String(video.dropLast(4)) : video
        self.video = video
        srt = base + ".srt"
        vtt = base + ".vtt"
        thumbnail = base + ".jpg"
        plan = base + ".plan.json"
        timeline = base + ".timeline.json"
        qa = base + ".qa.json"
        jobDirectory = base + ".media"
        jobReference = (jobDirectory as NSString).lastPathComponent
    }

    /// Every file and folder, for clean-up after a failure.
    var all: [String] { [video, srt, vtt, thumbnail, plan, timeline, qa, jobDirectory] }
}
