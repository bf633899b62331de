import AIProdCore
import Foundation

/// When a finished job was created, started and finished: the status page's throughput and
/// latency charts, without decoding whole records.
public struct JobTiming: Sendable, Hashable {
    public var state: JobState
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date

    public init(state: JobState, createdAt: Date, startedAt: Date?, finishedAt: Date) {
        self.state = state
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Seconds from creation to the end: what a client waited.
    public var latency: Double { finishedAt.timeIntervalSince(createdAt) }
}
