import Foundation
import GRDB

extension SQLiteStore {
    /// Weight of the newest measurement in a preset's speed average: a few jobs move it, one
    /// odd job doesn't swing it.
    static let speedSmoothing = 0.3

    public func spend(monthOf date: Date) throws(StoreError) -> Double {
        let month = try Self.utcMonth(of: date)
        return try read { db in
            try Double.fetchOne(
                db, sql: "SELECT coalesce(sum(usd), 0) FROM costs WHERE at >= ? AND at < ?",
                arguments: [month.start.unixSeconds, month.end.unixSeconds]) ?? 0
        }
    }

    /// The calendar month (UTC) holding `date`: budgets reset on the 1st at 00:00 UTC.
    static func utcMonth(of date: Date) throws(StoreError) -> DateInterval {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let month = calendar.dateInterval(of: .month, for: date) else {
            throw StoreError.invalidValue("No calendar month holds that date.", field: "date")
        }
        return month
    }

    public func recordSpeed(preset: String, secondsPerVideoSecond: Double) throws(StoreError) {
        guard secondsPerVideoSecond.isFinite, secondsPerVideoSecond > 0 else {
            throw StoreError.invalidValue("A speed is a positive number of seconds per second of video.", field: "seconds_per_video_second")
        }
        guard !preset.isEmpty, preset.utf8.count <= 100 else { throw StoreError.invalidValue("A preset's name has 1…100 bytes.", field: "preset") }
        let alpha = Self.speedSmoothing
        try write { db in
            try db.executeCached(
                sql: """
                    INSERT INTO preset_speed (preset, seconds_per_video_second, samples, updated_at) VALUES (?, ?, 1, ?)
                    ON CONFLICT(preset) DO UPDATE SET
                        seconds_per_video_second = seconds_per_video_second * (1 - ?) + excluded.seconds_per_video_second * ?,
                        samples = samples + 1, updated_at = excluded.updated_at
                    """,
                arguments: [preset, secondsPerVideoSecond, Date().unixSeconds, alpha, alpha])
        }
    }

    public func speed(preset: String) throws(StoreError) -> Double? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT seconds_per_video_second FROM preset_speed WHERE preset = ?", arguments: [preset])
        }
    }

    /// The cost rows of one job.
    public func costs(job: JobID) throws(StoreError) -> [CostItem] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT kind, units, usd FROM costs WHERE job_id = ? ORDER BY id", arguments: [job.rawValue]).map { row in
                CostItem(
                    kind: try row.decode(String.self, forColumn: "kind"), units: try row.decode(Double.self, forColumn: "units"),
                    usd: try row.decode(Double.self, forColumn: "usd"))
            }
        }
    }

    // MARK: Webhooks

    public func recordWebhookAttempt(job: JobID, url: String, attempt: Int, status: Int?, error: String?, now: Date) throws(StoreError) {
        try write { db in
            _ = try requireHead(db, job)
            try db.executeCached(
                sql: "INSERT INTO webhook_attempts (job_id, url, attempt, status, error, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [job.rawValue, url, attempt, status, error, now.unixSeconds])
        }
    }

    public func webhookAttempts(job: JobID) throws(StoreError) -> [WebhookAttempt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webhook_attempts WHERE job_id = ? ORDER BY id", arguments: [job.rawValue]).map { row in
                WebhookAttempt(
                    job: job,
                    url: try row.decode(String.self, forColumn: "url"),
                    attempt: try row.decode(Int.self, forColumn: "attempt"),
                    status: try row.decode(Int?.self, forColumn: "status"),
                    error: try row.decode(String?.self, forColumn: "error"),
                    at: Date(unixSeconds: try row.decode(Double.self, forColumn: "at"))
                )
            }
        }
    }
}
