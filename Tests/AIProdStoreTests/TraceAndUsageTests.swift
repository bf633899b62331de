import AIProdCore
@testable import AIProdStore
import AIProdTestSupport
import Foundation
import GRDB
import Logging
import Testing

@Suite("The store: jobs' trace ids (a migration) and what the daily quota counts")
struct TraceAndUsageTests {
    @Test("a database made before trace ids gains the column; its jobs read with none, new ones keep theirs")
    func migration() throws {
        let folder = ScratchDirectory()
        let path = folder.file("old.sqlite")
        let old = try DatabasePool(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "v1-tokens-audit-assets")
        try old.close()
        let store = try SQLiteStore(path: path, logger: Logger(label: "test"))
        let columns = try store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(jobs)").map { row -> String in row["name"] ?? "" } }
        #expect(columns.contains("trace_id"))
        let plain = try store.enqueue(JobSpec(script: "Hello."), options: EnqueueOptions()).job
        let traced = try store.enqueue(JobSpec(script: "Hello."), options: EnqueueOptions(traceID: "0af7651916cd43dd8448eb211c80319c")).job
        let junk = try store.enqueue(JobSpec(script: "Hello."), options: EnqueueOptions(traceID: "'; DROP TABLE jobs; --")).job
        #expect(try store.job(plain.id).traceID == nil)
        #expect(try store.job(traced.id).traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(try store.job(junk.id).traceID == nil, "only a well-formed trace id is kept")
    }

    @Test("jobs and asset bytes created since a time")
    func createdSince() throws {
        let fixture = try StoreFixture()
        let before = Date().addingTimeInterval(-1)
        let job = try fixture.store.enqueue(JobSpec(script: "Hello."), options: EnqueueOptions()).job
        _ = try fixture.store.addAsset(AssetRecord(id: String(repeating: "ab", count: 32), name: "a.png", tags: [], kind: .image, bytes: 1_234, createdAt: Date()))
        #expect(try fixture.store.jobIDs(createdSince: before) == [job.id])
        #expect(try fixture.store.assetBytes(createdSince: before) == 1_234)
        let later = Date().addingTimeInterval(60)
        #expect(try fixture.store.jobIDs(createdSince: later).isEmpty)
        #expect(try fixture.store.assetBytes(createdSince: later) == 0)
    }
}
