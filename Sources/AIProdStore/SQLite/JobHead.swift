import AIProdCore
import GRDB

/// The columns a state change checks (state, lease, attempts), read without decoding the spec
/// and the result: every worker call reads one, so it must be cheap.
struct JobHead {
    static let selectSQL = """
        SELECT jobs.state, jobs.lease_owner, jobs.token_name, jobs.attempts, jobs.max_attempts, jobs.cancel_requested,
               EXISTS (SELECT 1 FROM results WHERE results.job_id = jobs.id) AS has_result
        FROM jobs WHERE jobs.id = ?
        """

    var id: JobID
    var state: JobState
    var leaseOwner: String?
    var tokenName: String?
    var attempts: Int
    var maxAttempts: Int
    var cancelRequested: Bool
    var hasResult: Bool

    init(id: JobID, row: Row) throws {
        let stateText = try row.decode(String.self, forColumn: "state")
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError(.database, "Job \(id) has an unknown state '\(stateText)'.")
        }
        self.id = id
        self.state = state
        leaseOwner = try row.decode(String?.self, forColumn: "lease_owner")
        tokenName = try row.decode(String?.self, forColumn: "token_name")
        attempts = try row.decode(Int.self, forColumn: "attempts")
        maxAttempts = try row.decode(Int.self, forColumn: "max_attempts")
        cancelRequested = try row.decode(Bool.self, forColumn: "cancel_requested")
        hasResult = try row.decode(Bool.self, forColumn: "has_result")
    }
}
