import AIProdCore
import AIProdStore
import Foundation

/// A job as `GET /pipeline/{id}` shows it: where it is, what went wrong, when it should be
/// done, and links to everything it produced. Built from the store's record; the record's
/// lease fields are the queue's business and stay inside.
struct JobView: Encodable, Sendable {
    var id: String
    var state: JobState
    var stage: StageName?
    /// 0…100 over the whole job.
    var progress: Double
    var attempts: Int
    var maxAttempts: Int
    var priority: Int
    var cancelRequested: Bool
    var error: JobFailure?
    var title: String?
    var createdAt: Date
    var updatedAt: Date
    var startedAt: Date?
    var finishedAt: Date?
    /// Seconds until the job should be done; nil once it is terminal.
    var etaSeconds: Double?
    var cost: CostEstimate?
    var result: ResultView?
    var links: [String: String]
    /// Every call to a remote provider (`GET /pipeline/{id}` only; nil elsewhere).
    var providerCalls: [ProviderCallRecord]?
    /// What those calls cost so far, in US dollars.
    var remoteUsd: Double?

    struct ResultView: Encodable, Sendable {
        var video: String
        var thumbnail: String?
        var subtitlesSrt: String?
        var subtitlesVtt: String?
        var plan: String
        var timeline: String
        var qa: String
        /// Who made each piece, on what terms (`?format=txt` for text).
        var credits: String
        var duration: Double
        var videoBytes: Int64
        var videoSha256: String
        var qaPassed: Bool
        var qaFailures: [String]
        var wallSeconds: Double
        var warnings: [String]
    }

    init(_ job: JobRecord) {
        let base = "/pipeline/\(job.id.rawValue)"
        id = job.id.rawValue
        state = job.state
        stage = job.stage
        progress = job.state == .succeeded ? 100 : min(max(job.progress.isFinite ? job.progress : 0, 0), 100)
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        priority = job.priority
        cancelRequested = job.cancelRequested
        error = job.error
        title = job.spec.title
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
        cost = job.estimate
        if let estimate = job.estimate, !job.state.isTerminal {
            etaSeconds = max(0, estimate.etaSeconds * (1 - progress / 100))
        }
        links = ["self": base, "events": base + "/events", "cancel": base + "/cancel", "retry": base + "/retry"]
        if let result = job.result {
            self.result = ResultView(
                video: base + "/video",
                thumbnail: result.thumbnail == nil ? nil : base + "/thumbnail",
                subtitlesSrt: result.subtitlesSrt == nil ? nil : base + "/subtitles.srt",
                subtitlesVtt: result.subtitlesVtt == nil ? nil : base + "/subtitles.vtt",
                plan: base + "/plan", timeline: base + "/timeline", qa: base + "/qa", credits: base + "/credits",
                duration: result.duration, videoBytes: result.videoBytes, videoSha256: result.videoSha256,
                qaPassed: result.qaPassed, qaFailures: result.qaFailures, wallSeconds: result.wallSeconds, warnings: result.warnings
            )
        }
    }
}
