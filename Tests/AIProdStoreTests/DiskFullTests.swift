import AIProdCore
@testable import AIProdStore
import Foundation
import GRDB
import Testing

@Suite("A full disk")
struct DiskFullTests {
    @Test("SQLITE_FULL is a `disk` error (ours); the transaction rolls back and the file stays intact")
    func diskFull() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let kept = try fixture.enqueue("kept")
        // The writer may not grow the file past its current size: the next big write is SQLITE_FULL,
        // as on a disk with no room left.
        try store.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let big = String(repeating: "word ", count: 100_000)
        #expect { try store.enqueue(JobSpec(script: big), options: EnqueueOptions()) } throws: {
            ($0 as? StoreError)?.code == .disk && ($0 as? StoreError)?.category == .server
        }
        #expect(try store.counts()[.queued] == 1)
        #expect(try store.job(kept.id).spec.script == "kept")
        #expect(try store.auditEntries(AuditQuery()).count == 1)
        #expect(try store.integrityCheck() == "ok")
        // Small writes that fit still work.
        _ = try #require(try store.claim(worker: "w", now: Date()))
    }
}
