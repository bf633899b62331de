import AIProdCore
@testable import AIProdStore
import Foundation
import GRDB
import Logging
import Testing

@Suite("The SQLite file: mode, pragmas and the indexes the queries use")
struct SchemaTests {
    @Test("WAL, the configured synchronous level, foreign keys on")
    func pragmas() throws {
        let fixture = try StoreFixture()
        let full = try fixture.reopen()
        let (mode, normal, fullLevel, foreignKeys) = try fixture.store.pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try full.pool.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") },
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(mode == "wal")
        #expect(normal == 1)   // NORMAL
        #expect(fullLevel == 2)   // FULL
        #expect(foreignKeys == 1)
    }

    @Test("the claim, lease, token, audit, listing, cost, last-hour and provider-call queries are served by indexes")
    func queryPlans() throws {
        let fixture = try StoreFixture()
        func plan(_ sql: String) throws -> String {
            try fixture.store.pool.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { row -> String in row["detail"] ?? "" }.joined(separator: " | ")
            }
        }
        let claim = try plan("SELECT id FROM jobs WHERE state = 'queued' AND run_at <= 1 ORDER BY priority DESC, run_at, id LIMIT 1")
        #expect(claim.contains("USING INDEX jobs_claim") || claim.contains("USING COVERING INDEX jobs_claim"))
        #expect(!claim.contains("TEMP B-TREE"))
        #expect(try plan("SELECT id FROM jobs WHERE state = 'running' AND lease_until < 1").contains("jobs_lease"))
        #expect(try plan("SELECT * FROM tokens WHERE prefix = 'abcdefgh'").contains("tokens_prefix"))
        #expect(try plan("SELECT * FROM audit WHERE type = 'error' AND at >= 1 ORDER BY at DESC, id DESC LIMIT 5").contains("audit_type_at"))
        #expect(try plan("SELECT * FROM audit WHERE token_name = 'a' ORDER BY at DESC, id DESC LIMIT 5").contains("audit_token_at"))
        let list = try plan(JobRecord.selectSQL + " WHERE jobs.state = 'queued' ORDER BY jobs.created_at DESC, jobs.id DESC LIMIT 10")
        #expect(list.contains("jobs_state_list"))
        #expect(!list.contains("TEMP B-TREE"))
        #expect(try plan("SELECT sum(usd) FROM costs WHERE at >= 1 AND at < 2").contains("costs_at"))
        #expect(try plan("SELECT id FROM jobs WHERE coalesce(token_name, '') = 'a' AND idempotency_key = 'k'").contains("jobs_idempotency"))
        let lastHour = try plan("""
            SELECT state, created_at, started_at, finished_at FROM jobs
            WHERE finished_at IS NOT NULL AND finished_at >= 1 ORDER BY finished_at LIMIT 10
            """)
        #expect(lastHour.contains("jobs_finished") && !lastHour.contains("TEMP B-TREE"))
        #expect(try plan("SELECT * FROM provider_calls WHERE job_id = 'j' ORDER BY id").contains("provider_calls_job"))
    }
}
