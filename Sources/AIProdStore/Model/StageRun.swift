import AIProdCore
import Foundation

/// One run of one stage of a job: which attempt and worker, when, and how long. A stage that
/// failed or was interrupted has no `finishedAt`; a resumed job shows the stages it skipped not
/// at all on the later attempt.
public struct StageRun: Codable, Sendable, Hashable {
    public var stage: StageName
    public var attempt: Int
    public var worker: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var seconds: Double?

    public init(stage: StageName, attempt: Int, worker: String, startedAt: Date, finishedAt: Date?, seconds: Double?) {
        self.stage = stage
        self.attempt = attempt
        self.worker = worker
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.seconds = seconds
    }
}
