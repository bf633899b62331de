import AIProdCore
import Foundation
import GRDB

extension JobRecord {
    /// The columns `init(row:)` reads: the job and its result, if any.
    static let selectSQL = "SELECT jobs.*, results.result AS result_json FROM jobs LEFT JOIN results ON results.job_id = jobs.id"
    static let selectByIDSQL = selectSQL + " WHERE jobs.id = ?"

    /// A row of ``selectSQL``. Throws when a stored value no longer decodes (never traps).
    init(row: Row) throws {
        let idText = try row.decode(String.self, forColumn: "id")
        guard let id = JobID(rawValue: idText) else {
            throw StoreError(.database, "A stored job has a malformed id.")
        }
        let stateText = try row.decode(String.self, forColumn: "state")
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError(.database, "Job \(idText) has an unknown state '\(stateText)'.")
        }
        let stageText = try row.decode(String?.self, forColumn: "stage")
        self.init(
            id: id,
            spec: try StoredJSON.decode(JobSpec.self, from: row.decode(String.self, forColumn: "spec")),
            state: state,
            stage: stageText.flatMap(StageName.init(rawValue:)),
            progress: try row.decode(Double.self, forColumn: "progress"),
            attempts: try row.decode(Int.self, forColumn: "attempts"),
            maxAttempts: try row.decode(Int.self, forColumn: "max_attempts"),
            priority: try row.decode(Int.self, forColumn: "priority"),
            error: try row.decode(String?.self, forColumn: "error").map { try StoredJSON.decode(JobFailure.self, from: $0) },
            cancelRequested: try row.decode(Bool.self, forColumn: "cancel_requested"),
            createdAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "created_at")),
            updatedAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "updated_at")),
            startedAt: try row.decode(Double?.self, forColumn: "started_at").map(Date.init(unixSeconds:)),
            finishedAt: try row.decode(Double?.self, forColumn: "finished_at").map(Date.init(unixSeconds:)),
            runAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "run_at")),
            leaseOwner: try row.decode(String?.self, forColumn: "lease_owner"),
            leaseUntil: try row.decode(Double?.self, forColumn: "lease_until").map(Date.init(unixSeconds:)),
            idempotencyKey: try row.decode(String?.self, forColumn: "idempotency_key"),
            tokenName: try row.decode(String?.self, forColumn: "token_name"),
            result: try row.decode(String?.self, forColumn: "result_json").map { try StoredJSON.decode(JobResult.self, from: $0) },
            estimate: try row.decode(String?.self, forColumn: "estimate").map { try StoredJSON.decode(CostEstimate.self, from: $0) },
            traceID: try row.decode(String?.self, forColumn: "trace_id")
        )
    }
}
