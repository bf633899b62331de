import AIProdCore
import Foundation
import GRDB

extension SQLiteStore {
    public func gauges() throws(StoreError) -> StoreGauges {
        let (counts, oldest, assets) = try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM jobs GROUP BY state")
            let oldest = try Double.fetchOne(db, sql: "SELECT min(created_at) FROM jobs WHERE state = 'queued'")
            let assets = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(bytes), 0) FROM assets") ?? 0
            return (rows, oldest, assets)
        }
        var byState = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in counts {
            if let text: String = row["state"], let state = JobState(rawValue: text) {
                byState[state] = row["n"] ?? 0
            }
        }
        return StoreGauges(counts: byState, oldestQueuedAt: oldest.map(Date.init(unixSeconds:)), assetBytes: assets,
                           databaseBytes: Self.fileBytes(path) + Self.fileBytes(path + "-wal"))
    }

    public func finishedJobs(since: Date, limit: Int) throws(StoreError) -> [JobTiming] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT state, created_at, started_at, finished_at FROM jobs
                WHERE finished_at IS NOT NULL AND finished_at >= ? ORDER BY finished_at LIMIT ?
                """, arguments: [since.unixSeconds, max(0, limit)])
        }
        return rows.compactMap { row in
            guard let text: String = row["state"], let state = JobState(rawValue: text),
                  let created: Double = row["created_at"], let finished: Double = row["finished_at"] else { return nil }
            let started: Double? = row["started_at"]
            return JobTiming(state: state, createdAt: Date(unixSeconds: created), startedAt: started.map(Date.init(unixSeconds:)),
                             finishedAt: Date(unixSeconds: finished))
        }
    }

    /// 0 for a file that is not there (no WAL after a clean close).
    private static func fileBytes(_ path: String) -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber else { return 0 }
        return size.int64Value
    }
}
