/// The files of a finished job the API serves, by their route name, with their on-disk name
/// in `<data>/jobs/<id>/` and media type.
struct JobFile: Sendable {
    var route: String
    var fileName: String
    var contentType: String
    /// Only the video is large enough for partial downloads to matter.
    var ranges: Bool

    static let all: [JobFile] = [
        JobFile(route: "video", fileName: "video.mp4", contentType: "video/mp4", ranges: true),
        JobFile(route: "thumbnail", fileName: "thumbnail.jpg", contentType: "image/jpeg", ranges: false),
        JobFile(route: "subtitles.srt", fileName: "subtitles.srt", contentType: "application/x-subrip; charset=utf-8", ranges: false),
        JobFile(route: "subtitles.vtt", fileName: "subtitles.vtt", contentType: "text/vtt; charset=utf-8", ranges: false),
        JobFile(route: "plan", fileName: "plan.json", contentType: "application/json", ranges: false),
        JobFile(route: "timeline", fileName: "timeline.json", contentType: "application/json", ranges: false),
        JobFile(route: "qa", fileName: "qa.json", contentType: "application/json", ranges: false),
    ]
}
