/// What a finished job produced, published exactly once (the store keeps one row per job).
/// File names are relative to the job's folder (`jobs/<id>/`).
public struct JobResult: Codable, Sendable, Hashable {
    public var video: String
    public var thumbnail: String?
    public var subtitlesSrt: String?
    public var subtitlesVtt: String?
    /// Length of the video in seconds.
    public var duration: Double
    public var videoBytes: Int64
    /// SHA-256 of the video, hex: lets a client check its download.
    public var videoSha256: String
    public var qaPassed: Bool
    /// Names of the QA checks that failed (empty when `qaPassed`).
    public var qaFailures: [String]
    /// Wall seconds the stages took in all (across attempts).
    public var wallSeconds: Double

    public init(
        video: String, thumbnail: String?, subtitlesSrt: String?, subtitlesVtt: String?, duration: Double, videoBytes: Int64,
        videoSha256: String, qaPassed: Bool, qaFailures: [String], wallSeconds: Double
    ) {
        self.video = video
        self.thumbnail = thumbnail
        self.subtitlesSrt = subtitlesSrt
        self.subtitlesVtt = subtitlesVtt
        self.duration = duration
        self.videoBytes = videoBytes
        self.videoSha256 = videoSha256
        self.qaPassed = qaPassed
        self.qaFailures = qaFailures
        self.wallSeconds = wallSeconds
    }
}
