import AIProdCore
import Foundation

/// The narrow surface the Server and the Pipeline use; ``SQLiteStore`` is the one
/// implementation. Every call blocks on SQLite: run it on a thread of your own, never on a NIO
/// event loop or the cooperative pool.
public protocol JobStore: Sendable {
    /// Published after each commit that enqueues a job, changes its state or reports progress.
    var events: JobEventHub { get }

    // MARK: Jobs and queue

    /// One transaction: the job, its queue entry and a `pipeline_run` audit row. The same
    /// idempotency key (from the same token) returns the first job with `created` false.
    func enqueue(_ spec: JobSpec, options: EnqueueOptions) throws(StoreError) -> (job: JobRecord, created: Bool)
    /// Takes the queued job with the highest priority, then the earliest `run_at`, then the
    /// smallest id, whose `run_at` has come: running, one more attempt, leased to `worker`.
    /// Atomic: two workers never get the same job.
    func claim(worker: String, now: Date) throws(StoreError) -> ClaimedJob?
    /// Extends the lease. false when the worker lost it, or the job's cancel was requested: stop.
    func heartbeat(_ id: JobID, worker: String, now: Date) throws(StoreError) -> Bool
    func stageStarted(_ id: JobID, stage: StageName, worker: String, now: Date) throws(StoreError)
    func stageFinished(_ id: JobID, stage: StageName, seconds: Double, now: Date) throws(StoreError)
    /// The caller throttles (at most 4 a second); also publishes `.progress`.
    func progress(_ id: JobID, _ progress: JobProgress) throws(StoreError)
    /// One transaction: the result (one per job: a second is a `conflict` and changes nothing),
    /// the cost rows, the `succeeded` state, a `pipeline_result` audit row.
    func succeed(_ id: JobID, worker: String, result: JobResult, costs: [CostItem], now: Date) throws(StoreError)
    /// One transaction: the provider call's row, its cost row (when it cost anything) and a
    /// `provider_call` audit row.
    func recordProviderCall(_ id: JobID, _ call: ProviderCallRecord) throws(StoreError)
    /// The job's provider calls, oldest first.
    func providerCalls(job id: JobID) throws(StoreError) -> [ProviderCallRecord]
    /// A retryable failure with attempts left goes back to `queued` after a backoff; anything
    /// else makes the job `dead`. Returns the new state.
    func fail(_ id: JobID, worker: String, failure: JobFailure, now: Date) throws(StoreError) -> JobState
    /// A shutdown checkpoint: the job goes back to `queued` without spending an attempt.
    func release(_ id: JobID, worker: String) throws(StoreError)
    /// The worker saw the cancel request and stopped: `canceled`.
    func markCanceled(_ id: JobID, worker: String, now: Date) throws(StoreError)
    /// Queued or failed: `canceled` at once. Running: the cancel is requested (the worker's next
    /// heartbeat says stop). Finished: `conflict`.
    func cancel(_ id: JobID, now: Date) throws(StoreError) -> JobRecord
    /// Failed or dead: queued again with a fresh count of attempts and no error.
    func retry(_ id: JobID, now: Date) throws(StoreError) -> JobRecord
    /// Running jobs whose lease has passed go back to the queue (or die, out of attempts).
    func reclaimExpiredLeases(now: Date) throws(StoreError) -> Int
    /// At start-up one process owns every lease: whatever is `running` was orphaned by a crash.
    func reclaimAllRunning() throws(StoreError) -> Int
    /// `not_found` if absent.
    func job(_ id: JobID) throws(StoreError) -> JobRecord
    /// Newest first; `cursor` is a previous page's `next`.
    func jobs(state: JobState?, limit: Int, cursor: String?) throws(StoreError) -> JobPage
    func counts() throws(StoreError) -> [JobState: Int]
    /// The earliest `run_at` among queued jobs: when an idle worker should look again.
    func nextRunAt() throws(StoreError) -> Date?

    // MARK: Costs, budget, speed

    /// USD recorded in the calendar month (UTC) of `date`.
    func spend(monthOf date: Date) throws(StoreError) -> Double
    /// Folds a finished job's measured speed into the preset's moving average (EWMA).
    func recordSpeed(preset: String, secondsPerVideoSecond: Double) throws(StoreError)
    func speed(preset: String) throws(StoreError) -> Double?

    // MARK: Tokens

    /// The secret (`aip_` + 8-character prefix + `_` + 43 base64url characters) is returned
    /// here only; the store keeps its SHA-256.
    func createToken(name: String, role: TokenRole, now: Date) throws(StoreError) -> (secret: String, record: TokenRecord)
    /// The token the secret belongs to, nil for a bad or revoked one. Compared in constant time;
    /// `last_used_at` is written at most once a minute.
    func authenticate(secret: String, now: Date) throws(StoreError) -> TokenRecord?
    func tokens() throws(StoreError) -> [TokenRecord]
    func revokeToken(id: String, now: Date) throws(StoreError) -> TokenRecord

    // MARK: Audit

    func audit(_ entry: AuditEntry) throws(StoreError)
    func auditEntries(_ query: AuditQuery) throws(StoreError) -> [AuditEntry]

    // MARK: Assets (the index; the bytes are in an AssetFolder)

    /// The same id again returns the existing row (its name and tags are kept).
    func addAsset(_ record: AssetRecord) throws(StoreError) -> AssetRecord
    func asset(_ id: String) throws(StoreError) -> AssetRecord
    /// Newest first; `cursor` is the last id of the previous page.
    func assets(limit: Int, cursor: String?) throws(StoreError) -> [AssetRecord]
    func deleteAsset(_ id: String) throws(StoreError)

    // MARK: Disk quotas

    /// Jobs created at or after `since` (the per-day quota sums their folders).
    func jobIDs(createdSince since: Date) throws(StoreError) -> [JobID]
    /// Bytes of the assets uploaded at or after `since`.
    func assetBytes(createdSince since: Date) throws(StoreError) -> Int64

    // MARK: Webhooks

    func recordWebhookAttempt(job: JobID, url: String, attempt: Int, status: Int?, error: String?, now: Date) throws(StoreError)
    func webhookAttempts(job: JobID) throws(StoreError) -> [WebhookAttempt]

    // MARK: Monitoring

    /// Jobs by state, the oldest queued job's creation, asset and database bytes: one read for
    /// `/metrics` and `/status`.
    func gauges() throws(StoreError) -> StoreGauges
    /// Jobs that finished (any end state) at or after `since`, oldest first, at most `limit`.
    func finishedJobs(since: Date, limit: Int) throws(StoreError) -> [JobTiming]

    // MARK: Health

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    func integrityCheck() throws(StoreError) -> String
}
