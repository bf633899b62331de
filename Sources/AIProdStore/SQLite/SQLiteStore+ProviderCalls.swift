import Foundation
import GRDB

extension SQLiteStore {
    /// Records one provider call in one transaction: its row, its cost (when it cost anything,
    /// so the month's spend and `[budget]` count it at once, not when the job ends) and a
    /// `provider_call` audit row in the name of the job's submitter.
    public func recordProviderCall(_ id: JobID, _ call: ProviderCallRecord) throws(StoreError) {
        guard call.startedAt.unixSeconds.isFinite, call.seconds.isFinite, call.units.isFinite, call.usd.isFinite,
              call.usd >= 0, call.units >= 0, call.seconds >= 0 else {
            throw StoreError.invalidValue("A provider call needs finite, non-negative numbers.", field: "provider_call")
        }
        let now = Date()
        try write { db in
            let job = try requireHead(db, id)
            try db.executeCached(
                sql: """
                    INSERT INTO provider_calls (job_id, provider, kind, stage, purpose, started_at, seconds, attempts, units, unit, usd,
                                                outcome, error_code, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id.rawValue, call.provider, call.kind, call.stage, call.purpose, call.startedAt.unixSeconds, call.seconds,
                            call.attempts, call.units, call.unit, call.usd, call.outcome, call.errorCode, call.message])
            if call.usd > 0 {
                try db.executeCached(
                    sql: "INSERT INTO costs (job_id, kind, units, usd, at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id.rawValue, call.costKind, call.units, call.usd, now.unixSeconds])
            }
            var detail = "provider=\(call.provider) stage=\(call.stage) purpose=\(call.purpose) outcome=\(call.outcome)"
            detail += " units=\(call.units) \(call.unit) usd=\(call.usd)"
            if let code = call.errorCode { detail += " error=\(code)" }
            try insertAudit(db, AuditEntry(type: .providerCall, at: now, tokenName: job.tokenName, resource: id.rawValue, detail: detail))
        }
    }

    /// The job's provider calls, oldest first.
    public func providerCalls(job id: JobID) throws(StoreError) -> [ProviderCallRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM provider_calls WHERE job_id = ? ORDER BY id", arguments: [id.rawValue]).map { row in
                ProviderCallRecord(
                    provider: try row.decode(String.self, forColumn: "provider"), kind: try row.decode(String.self, forColumn: "kind"),
                    stage: try row.decode(String.self, forColumn: "stage"), purpose: try row.decode(String.self, forColumn: "purpose"),
                    startedAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "started_at")),
                    seconds: try row.decode(Double.self, forColumn: "seconds"), attempts: try row.decode(Int.self, forColumn: "attempts"),
                    units: try row.decode(Double.self, forColumn: "units"), unit: try row.decode(String.self, forColumn: "unit"),
                    usd: try row.decode(Double.self, forColumn: "usd"), outcome: try row.decode(String.self, forColumn: "outcome"),
                    errorCode: try row.decode(String?.self, forColumn: "error_code"), message: try row.decode(String?.self, forColumn: "message"),
                    costKind: "")
            }
        }
    }
}
