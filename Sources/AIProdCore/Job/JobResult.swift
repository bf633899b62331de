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
    /// What the job could not do as asked and did otherwise: the plan's warnings (a provider
    /// that failed and the fallback used, a duration not reached) and the narration's (a voice
    /// that failed mid-job).
    public var warnings: [String]

    public init(
        video: String, thumbnail: String?, subtitlesSrt: String?, subtitlesVtt: String?, duration: Double, videoBytes: Int64,
        videoSha256: String, qaPassed: Bool, qaFailures: [String], wallSeconds: Double, warnings: [String] = []
    ) {
        self.warnings = warnings
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

extension JobResult {
    /// `warnings` may be absent (results stored before it existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        video = try c.decode(String.self, forKey: .video)
        thumbnail = try c.decodeIfPresent(String.self, forKey: .thumbnail)
        subtitlesSrt = try c.decodeIfPresent(String.self, forKey: .subtitlesSrt)
        subtitlesVtt = try c.decodeIfPresent(String.self, forKey: .subtitlesVtt)
        duration = try c.decode(Double.self, forKey: .duration)
        videoBytes = try c.decode(Int64.self, forKey: .videoBytes)
        videoSha256 = try c.decode(String.self, forKey: .videoSha256)
        qaPassed = try c.decode(Bool.self, forKey: .qaPassed)
        qaFailures = try c.decode([String].self, forKey: .qaFailures)
        wallSeconds = try c.decode(Double.self, forKey: .wallSeconds)
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
    }
}
