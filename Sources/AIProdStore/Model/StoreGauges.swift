import AIProdCore
import Foundation

/// What `/metrics` and `/status` read from the store at each scrape, in one read transaction:
/// the jobs by state, how long the oldest queued job has waited, and the bytes on disk.
public struct StoreGauges: Sendable, Hashable {
    public var counts: [JobState: Int]
    /// Creation time of the oldest job in `queued`; nil when none waits.
    public var oldestQueuedAt: Date?
    /// The sum of the asset index's `bytes`.
    public var assetBytes: Int64
    /// The database file plus its write-ahead log.
    public var databaseBytes: Int64

    public init(counts: [JobState: Int], oldestQueuedAt: Date?, assetBytes: Int64, databaseBytes: Int64) {
        self.counts = counts
        self.oldestQueuedAt = oldestQueuedAt
        self.assetBytes = assetBytes
        self.databaseBytes = databaseBytes
    }
}
