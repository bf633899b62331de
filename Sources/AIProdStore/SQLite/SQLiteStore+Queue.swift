import AIProdCore
import Foundation
import GRDB

extension SQLiteStore {
    /// Longest idempotency key kept (a header's value).
    static let maxIdempotencyKeyLength = 255

    public func enqueue(_ spec: JobSpec, options: EnqueueOptions) throws(StoreError) -> (job: JobRecord, created: Bool) {
        guard (1...100).contains(options.maxAttempts) else {
            throw StoreError.invalidValue("max attempts must be 1…100.", field: "max_attempts")
        }
        if let key = options.idempotencyKey {
            guard !key.isEmpty, key.utf8.count <= Self.maxIdempotencyKeyLength else {
                throw StoreError.invalidValue("An idempotency key has 1…\(Self.maxIdempotencyKeyLength) bytes.", field: "Idempotency-Key")
            }
        }
        let specJSON = try StoredJSON.encode(spec)
        let estimateJSON: String? = if let estimate = options.estimate { try StoredJSON.encode(estimate) } else { nil }
        let now = Date()
        let outcome = try write { db -> (job: JobRecord, created: Bool) in
            if let key = options.idempotencyKey,
                let existing = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT id FROM jobs WHERE coalesce(token_name, '') = ? AND idempotency_key = ?"),
                    arguments: [options.tokenName ?? "", key]),
                let id = JobID(rawValue: existing)
            {
                return (try requireJob(db, id), false)
            }
            if let budget = options.monthlyBudgetUSD, budget > 0, let estimate = options.estimate {
                try checkBudget(db, budget: budget, adding: estimate.usd, now: now)
            }
            let job = JobRecord(
                id: JobID(), spec: spec, state: .queued, maxAttempts: options.maxAttempts, priority: spec.priority,
                createdAt: now, updatedAt: now, runAt: now, idempotencyKey: options.idempotencyKey, tokenName: options.tokenName,
                estimate: options.estimate, traceID: options.traceID.flatMap { TraceParent.isTraceID($0) ? $0 : nil }
            )
            try db.executeCached(
                sql: """
                    INSERT INTO jobs (id, spec, state, max_attempts, priority, created_at, updated_at, run_at,
                                      idempotency_key, token_name, client_ip, estimate, trace_id)
                    VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    job.id.rawValue, specJSON, job.maxAttempts, job.priority, now.unixSeconds, now.unixSeconds, now.unixSeconds,
                    options.idempotencyKey, options.tokenName, options.clientIP, estimateJSON, job.traceID,
                ]
            )
            try insertAudit(db, AuditEntry(type: .pipelineRun, at: now, tokenName: options.tokenName, clientIP: options.clientIP, resource: job.id.rawValue))
            // Read back, so the record is exactly what every later read gives (dates as stored).
            return (try requireJob(db, job.id), true)
        }
        if outcome.created {
            events.publish(.enqueued(outcome.job.id))
        }
        return outcome
    }

    /// Refuses a job whose estimate would take the month past the budget: recorded spend plus
    /// the estimates of the jobs still to finish (they will be recorded when they do).
    private func checkBudget(_ db: Database, budget: Double, adding usd: Double, now: Date) throws {
        let month = try Self.utcMonth(of: now)
        let spent = try Double.fetchOne(
            db, sql: "SELECT coalesce(sum(usd), 0) FROM costs WHERE at >= ? AND at < ?",
            arguments: [month.start.unixSeconds, month.end.unixSeconds]) ?? 0
        let committed = try Double.fetchOne(
            db,
            sql: """
                SELECT coalesce(sum(json_extract(estimate, '$.usd')), 0) FROM jobs
                WHERE state IN ('queued', 'running', 'failed') AND estimate IS NOT NULL
                """) ?? 0
        guard spent + committed + usd <= budget else {
            let text = { (value: Double) in String(format: "%.2f", value) }
            throw StoreError.budgetExceeded(
                "The monthly budget of $\(text(budget)) would be exceeded: $\(text(spent)) spent this month, "
                    + "$\(text(committed)) estimated for unfinished jobs, $\(text(usd)) for this one.")
        }
    }

    public func claim(worker: String, now: Date) throws(StoreError) -> ClaimedJob? {
        let leaseUntil = now.addingTimeInterval(queue.leaseSeconds)
        let claimed = try write { db -> ClaimedJob? in
            guard JobState.queued.canMove(to: .running) else { return nil }
            // One statement: the subquery picks the job (walking the jobs_claim index), the UPDATE
            // takes it, all under the transaction's write lock.
            guard
                let idText = try String.fetchOne(
                    db.cachedStatement(sql: """
                        UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?,
                                        started_at = coalesce(started_at, ?), updated_at = ?, finished_at = NULL
                        WHERE id = (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= ?
                                    ORDER BY priority DESC, run_at, id LIMIT 1)
                        RETURNING id
                        """),
                    arguments: [worker, leaseUntil.unixSeconds, now.unixSeconds, now.unixSeconds, now.unixSeconds]),
                let id = JobID(rawValue: idText)
            else { return nil }
            let job = try requireJob(db, id)
            return ClaimedJob(job: job, worker: worker, leaseUntil: leaseUntil, attempt: job.attempts)
        }
        if let claimed {
            logger.debug("claimed", metadata: ["job": "\(claimed.job.id)", "worker": "\(worker)", "attempt": "\(claimed.attempt)"])
            events.publish(.changed(claimed.job))
        }
        return claimed
    }

    public func heartbeat(_ id: JobID, worker: String, now: Date) throws(StoreError) -> Bool {
        let leaseUntil = now.addingTimeInterval(queue.leaseSeconds)
        let cancelRequested = try write { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: """
                    UPDATE jobs SET lease_until = ?, updated_at = ?
                    WHERE id = ? AND state = 'running' AND lease_owner = ?
                    RETURNING cancel_requested
                    """),
                arguments: [leaseUntil.unixSeconds, now.unixSeconds, id.rawValue, worker])
        }
        // nil: the lease is gone (expired and reclaimed, or the job is no longer running).
        guard let cancelRequested else { return false }
        return !cancelRequested
    }

    public func stageStarted(_ id: JobID, stage: StageName, worker: String, now: Date) throws(StoreError) {
        let progress = JobProgress(stage: stage, fraction: 0)
        try write { db in
            let job = try requireHead(db, id)
            try checkLease(job, worker: worker)
            try db.executeCached(
                sql: "UPDATE jobs SET stage = ?, progress = ?, updated_at = ? WHERE id = ?",
                arguments: [stage.rawValue, progress.percent, now.unixSeconds, id.rawValue])
            try db.executeCached(
                sql: "INSERT INTO stage_runs (job_id, stage, attempt, worker, started_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id.rawValue, stage.rawValue, job.attempts, worker, now.unixSeconds])
        }
        events.publish(.progress(id, progress))
    }

    public func stageFinished(_ id: JobID, stage: StageName, seconds: Double, now: Date) throws(StoreError) {
        guard seconds.isFinite, seconds >= 0 else {
            throw StoreError.invalidValue("A stage's duration is a number of seconds, 0 or more.", field: "seconds")
        }
        let progress = JobProgress(stage: stage, fraction: 1)
        try write { db in
            let job = try requireHead(db, id)
            let open = try Int64.fetchOne(
                db, sql: "SELECT id FROM stage_runs WHERE job_id = ? AND stage = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
                arguments: [id.rawValue, stage.rawValue])
            if let open {
                try db.executeCached(sql: "UPDATE stage_runs SET finished_at = ?, seconds = ? WHERE id = ?", arguments: [now.unixSeconds, seconds, open])
            } else {
                try db.executeCached(
                    sql: "INSERT INTO stage_runs (job_id, stage, attempt, worker, started_at, finished_at, seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [id.rawValue, stage.rawValue, job.attempts, job.leaseOwner ?? "", now.unixSeconds - seconds, now.unixSeconds, seconds])
            }
            if job.state == .running {
                try db.executeCached(
                    sql: "UPDATE jobs SET stage = ?, progress = max(progress, ?), updated_at = ? WHERE id = ?",
                    arguments: [stage.rawValue, progress.percent, now.unixSeconds, id.rawValue])
            }
        }
        events.publish(.progress(id, progress))
    }

    public func progress(_ id: JobID, _ progress: JobProgress) throws(StoreError) {
        let updated = try write { db -> Bool in
            try db.executeCached(
                sql: "UPDATE jobs SET stage = ?, progress = ?, updated_at = ? WHERE id = ? AND state = 'running'",
                arguments: [progress.stage.rawValue, progress.percent, Date().unixSeconds, id.rawValue])
            if db.changesCount > 0 { return true }
            // Not running any more (cancelled, reclaimed): a late report changes nothing.
            _ = try requireHead(db, id)
            return false
        }
        if updated {
            events.publish(.progress(id, progress))
        }
    }

    public func succeed(_ id: JobID, worker: String, result: JobResult, costs: [CostItem], now: Date) throws(StoreError) {
        for item in costs {
            guard item.units.isFinite, item.usd.isFinite, item.usd >= 0, item.units >= 0 else {
                throw StoreError.invalidValue("A cost has finite units and USD, 0 or more.", field: "costs")
            }
        }
        let resultJSON = try StoredJSON.encode(result)
        let job = try write { db -> JobRecord in
            let job = try requireHead(db, id)
            guard !job.hasResult, job.state != .succeeded else {
                throw StoreError.conflict("Job \(id) already has its result.")
            }
            try checkLease(job, worker: worker)
            try checkMove(job, to: .succeeded)
            try db.executeCached(sql: "INSERT INTO results (job_id, result, created_at) VALUES (?, ?, ?)", arguments: [id.rawValue, resultJSON, now.unixSeconds])
            for item in costs {
                try db.executeCached(
                    sql: "INSERT INTO costs (job_id, kind, units, usd, at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id.rawValue, item.kind, item.units, item.usd, now.unixSeconds])
            }
            try db.executeCached(
                sql: """
                    UPDATE jobs SET state = 'succeeded', progress = 100, error = NULL, finished_at = ?, updated_at = ?,
                                    lease_owner = NULL, lease_until = NULL
                    WHERE id = ?
                    """,
                arguments: [now.unixSeconds, now.unixSeconds, id.rawValue])
            try insertAudit(db, AuditEntry(type: .pipelineResult, at: now, tokenName: job.tokenName, resource: id.rawValue, detail: "succeeded"))
            return try requireJob(db, id)
        }
        events.publish(.changed(job))
    }

    public func fail(_ id: JobID, worker: String, failure: JobFailure, now: Date) throws(StoreError) -> JobState {
        let failureJSON = try StoredJSON.encode(failure)
        let unit = Double.random(in: 0...1)
        let job = try write { db -> JobRecord in
            let job = try requireHead(db, id)
            try checkLease(job, worker: worker)
            if job.cancelRequested {
                // The client asked to cancel: whatever went wrong, the job is not run again.
                try checkMove(job, to: .canceled)
                try finish(db, id, state: .canceled, error: nil, now: now)
            } else if failure.isRetryable, job.attempts < job.maxAttempts {
                // running → failed → queued, in one commit: nobody sees the job between the two.
                try checkMove(job, to: .failed)
                guard JobState.failed.canMove(to: .queued) else { throw StoreError.conflict("A failed job cannot be queued again.") }
                let runAt = now.addingTimeInterval(backoff.delay(afterAttempt: job.attempts, unit: unit))
                try db.executeCached(
                    sql: """
                        UPDATE jobs SET state = 'queued', error = ?, run_at = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL
                        WHERE id = ?
                        """,
                    arguments: [failureJSON, runAt.unixSeconds, now.unixSeconds, id.rawValue])
            } else {
                try checkMove(job, to: .dead)
                try finish(db, id, state: .dead, error: failureJSON, now: now)
                try insertAudit(
                    db, AuditEntry(type: .pipelineResult, at: now, tokenName: job.tokenName, resource: id.rawValue, detail: "dead: \(failure.code)"))
            }
            return try requireJob(db, id)
        }
        if job.state == .queued {
            logger.info("retrying", metadata: ["job": "\(id)", "attempt": "\(job.attempts)", "code": "\(failure.code)", "run_at": "\(job.runAt)"])
            events.publish(.enqueued(id))
        } else {
            logger.warning("job ended", metadata: ["job": "\(id)", "state": "\(job.state.rawValue)", "code": "\(failure.code)"])
        }
        events.publish(.changed(job))
        return job.state
    }

    public func release(_ id: JobID, worker: String) throws(StoreError) {
        let now = Date()
        let job = try write { db -> JobRecord in
            let job = try requireHead(db, id)
            try checkLease(job, worker: worker)
            if job.cancelRequested {
                try checkMove(job, to: .canceled)
                try finish(db, id, state: .canceled, error: nil, now: now)
            } else {
                try checkMove(job, to: .queued)
                try db.executeCached(
                    sql: """
                        UPDATE jobs SET state = 'queued', attempts = max(attempts - 1, 0), updated_at = ?, lease_owner = NULL, lease_until = NULL
                        WHERE id = ?
                        """,
                    arguments: [now.unixSeconds, id.rawValue])
            }
            return try requireJob(db, id)
        }
        if job.state == .queued { events.publish(.enqueued(id)) }
        events.publish(.changed(job))
    }

    public func markCanceled(_ id: JobID, worker: String, now: Date) throws(StoreError) {
        let job = try write { db -> JobRecord in
            let job = try requireHead(db, id)
            try checkLease(job, worker: worker)
            try checkMove(job, to: .canceled)
            try finish(db, id, state: .canceled, error: nil, now: now)
            return try requireJob(db, id)
        }
        events.publish(.changed(job))
    }

    public func cancel(_ id: JobID, now: Date) throws(StoreError) -> JobRecord {
        let job = try write { db -> JobRecord in
            let job = try requireHead(db, id)
            switch job.state {
            case .running:
                if !job.cancelRequested {
                    try db.executeCached(sql: "UPDATE jobs SET cancel_requested = 1, updated_at = ? WHERE id = ?", arguments: [now.unixSeconds, id.rawValue])
                }
            default:
                try checkMove(job, to: .canceled)
                try finish(db, id, state: .canceled, error: nil, now: now)
            }
            return try requireJob(db, id)
        }
        events.publish(.changed(job))
        return job
    }

    public func retry(_ id: JobID, now: Date) throws(StoreError) -> JobRecord {
        let job = try write { db -> JobRecord in
            let job = try requireHead(db, id)
            guard job.state == .failed || job.state == .dead else {
                throw StoreError.conflict("Only a failed or dead job can be retried; job \(id) is \(job.state.rawValue).")
            }
            try checkMove(job, to: .queued)
            try db.executeCached(
                sql: """
                    UPDATE jobs SET state = 'queued', attempts = 0, error = NULL, run_at = ?, updated_at = ?, finished_at = NULL,
                                    cancel_requested = 0, lease_owner = NULL, lease_until = NULL
                    WHERE id = ?
                    """,
                arguments: [now.unixSeconds, now.unixSeconds, id.rawValue])
            return try requireJob(db, id)
        }
        events.publish(.enqueued(id))
        events.publish(.changed(job))
        return job
    }

    public func reclaimExpiredLeases(now: Date) throws(StoreError) -> Int {
        try reclaim(where: "state = 'running' AND lease_until < ?", arguments: [now.unixSeconds], now: now, reason: "lease_expired")
    }

    public func reclaimAllRunning() throws(StoreError) -> Int {
        try reclaim(where: "state = 'running'", arguments: [], now: Date(), reason: "worker_lost")
    }

    /// Running jobs whose worker is gone go back to the queue; the attempt counts (a job that
    /// kills its worker every time must end), so one that has used them all is dead. One whose
    /// cancel was requested is canceled.
    private func reclaim(where condition: String, arguments: StatementArguments, now: Date, reason: String) throws(StoreError) -> Int {
        let failure = JobFailure(
            code: reason, message: "The worker running the job stopped answering (crash or hang) on its last allowed attempt.",
            category: .server)
        let failureJSON = try StoredJSON.encode(failure)
        let jobs = try write { db -> [JobRecord] in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM jobs WHERE \(condition)", arguments: arguments).compactMap(JobID.init(rawValue:))
            var reclaimed: [JobRecord] = []
            for id in ids {
                let job = try requireHead(db, id)
                if job.cancelRequested {
                    try checkMove(job, to: .canceled)
                    try finish(db, id, state: .canceled, error: nil, now: now)
                } else if job.attempts < job.maxAttempts {
                    try checkMove(job, to: .queued)
                    try db.executeCached(
                        sql: "UPDATE jobs SET state = 'queued', updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?",
                        arguments: [now.unixSeconds, id.rawValue])
                } else {
                    try checkMove(job, to: .dead)
                    try finish(db, id, state: .dead, error: failureJSON, now: now)
                    try insertAudit(db, AuditEntry(type: .pipelineResult, at: now, tokenName: job.tokenName, resource: id.rawValue, detail: "dead: \(reason)"))
                }
                reclaimed.append(try requireJob(db, id))
            }
            return reclaimed
        }
        for job in jobs {
            logger.warning("reclaimed", metadata: ["job": "\(job.id)", "state": "\(job.state.rawValue)", "reason": "\(reason)"])
            if job.state == .queued { events.publish(.enqueued(job.id)) }
            events.publish(.changed(job))
        }
        return jobs.count
    }

    /// A terminal state: the lease and the cancel request cleared, the time recorded.
    private func finish(_ db: Database, _ id: JobID, state: JobState, error: String?, now: Date) throws {
        try db.executeCached(
            sql: """
                UPDATE jobs SET state = ?, error = coalesce(?, error), finished_at = ?, updated_at = ?, cancel_requested = 0,
                                lease_owner = NULL, lease_until = NULL
                WHERE id = ?
                """,
            arguments: [state.rawValue, error, now.unixSeconds, now.unixSeconds, id.rawValue])
    }

    // MARK: Reading

    public func job(_ id: JobID) throws(StoreError) -> JobRecord {
        try read { db in try requireJob(db, id) }
    }

    public func jobs(state: JobState?, limit: Int, cursor: String?) throws(StoreError) -> JobPage {
        let limit = min(max(limit, 1), 500)
        var position: JobCursor?
        if let cursor {
            guard let decoded = JobCursor(cursor) else { throw StoreError.invalidValue("The cursor is not one this server gave.", field: "cursor") }
            position = decoded
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state {
            conditions.append("jobs.state = ?")
            _ = arguments.append(contentsOf: [state.rawValue])
        }
        if let position {
            conditions.append("(jobs.created_at, jobs.id) < (?, ?)")
            _ = arguments.append(contentsOf: [position.createdAt, position.id])
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        _ = arguments.append(contentsOf: [limit + 1])
        let rows = try read { db in
            try Row.fetchAll(db, sql: JobRecord.selectSQL + whereClause + " ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT ?", arguments: arguments)
                .map(JobRecord.init(row:))
        }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last.map { JobCursor(createdAt: $0.createdAt.unixSeconds, id: $0.id.rawValue).text } : nil
        return JobPage(jobs: page, next: next)
    }

    public func counts() throws(StoreError) -> [JobState: Int] {
        let rows = try read { db in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM jobs GROUP BY state") }
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in rows {
            if let text: String = row["state"], let state = JobState(rawValue: text) {
                counts[state] = row["n"] ?? 0
            }
        }
        return counts
    }

    public func nextRunAt() throws(StoreError) -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT min(run_at) FROM jobs WHERE state = 'queued'").map(Date.init(unixSeconds:))
        }
    }
}

/// Where a job listing stopped: the last job's creation time and id, as an opaque string.
struct JobCursor {
    var createdAt: Double
    var id: String

    init(createdAt: Double, id: String) {
        self.createdAt = createdAt
        self.id = id
    }

    init?(_ text: String) {
        guard text.utf8.count < 200, let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8) else { return nil }
        let parts = decoded.split(separator: " ")
        guard parts.count == 2, let createdAt = Double(parts[0]), createdAt.isFinite, JobID(rawValue: String(parts[1])) != nil else { return nil }
        self.createdAt = createdAt
        self.id = String(parts[1])
    }

    var text: String { Data("\(createdAt) \(id)".utf8).base64EncodedString() }
}

extension SQLiteStore {
    /// The stage runs of a job in the order they started (timings for the API and the ETA).
    public func stageRuns(_ id: JobID) throws(StoreError) -> [StageRun] {
        try read { db in
            _ = try requireHead(db, id)
            return try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM stage_runs WHERE job_id = ? ORDER BY id"), arguments: [id.rawValue]
            ).map { row in
                let stageText = try row.decode(String.self, forColumn: "stage")
                guard let stage = StageName(rawValue: stageText) else { throw StoreError(.database, "A stage run has an unknown stage '\(stageText)'.") }
                return StageRun(
                    stage: stage,
                    attempt: try row.decode(Int.self, forColumn: "attempt"),
                    worker: try row.decode(String.self, forColumn: "worker"),
                    startedAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "started_at")),
                    finishedAt: try row.decode(Double?.self, forColumn: "finished_at").map(Date.init(unixSeconds:)),
                    seconds: try row.decode(Double?.self, forColumn: "seconds")
                )
            }
        }
    }
}
