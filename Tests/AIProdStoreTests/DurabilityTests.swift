import AIProdCore
import AIProdStore
import Foundation
import Logging
import Testing

@Suite("Durability and health")
struct DurabilityTests {
    @Test("closed and reopened, the file has every job, result, token, audit row, asset, cost, speed and webhook attempt")
    func reopen() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let done = try fixture.enqueue("done", key: "k")
        let waiting = try fixture.enqueue("waiting", priority: 2)
        let now = Date()
        // `waiting` (higher priority) is left running, as a crash would leave it.
        #expect(try store.claim(worker: "w1", now: now)?.job.id == waiting.id)
        #expect(try store.claim(worker: "w", now: now)?.job.id == done.id)
        try store.succeed(done.id, worker: "w", result: Samples.result, costs: [CostItem(kind: "compute_seconds", units: 10, usd: 0.5)], now: now)
        let (secret, token) = try store.createToken(name: "t", role: .producer, now: now)
        let assetID = String(repeating: "0123456789abcdef", count: 4)
        _ = try store.addAsset(AssetRecord(id: assetID, name: "a.wav", tags: ["music"], kind: .audio, bytes: 42, createdAt: now))
        try store.recordSpeed(preset: "landscape", secondsPerVideoSecond: 2)
        try store.recordWebhookAttempt(job: done.id, url: "http://127.0.0.1:9/hook", attempt: 1, status: nil, error: "refused", now: now)
        try store.recordWebhookAttempt(job: done.id, url: "http://127.0.0.1:9/hook", attempt: 2, status: 204, error: nil, now: now)
        try store.close()

        let reopened = try fixture.reopen()
        #expect(try reopened.job(done.id).result == Samples.result)
        #expect(try reopened.job(done.id).state == .succeeded)
        #expect(try reopened.job(waiting.id).state == .running)
        #expect(try reopened.reclaimAllRunning() == 1)
        #expect(try reopened.job(waiting.id).state == .queued)
        #expect(try reopened.enqueue(JobSpec(script: "done"), options: EnqueueOptions(idempotencyKey: "k")).job.id == done.id)
        #expect(try reopened.authenticate(secret: secret, now: now)?.id == token.id)
        #expect(try reopened.asset(assetID).tags == ["music"])
        #expect(try reopened.speed(preset: "landscape") == 2)
        #expect(try reopened.spend(monthOf: now) == 0.5)
        #expect(try reopened.webhookAttempts(job: done.id).map(\.status) == [nil, 204])
        #expect(try reopened.webhookAttempts(job: done.id).first?.error == "refused")
        #expect(try reopened.auditEntries(AuditQuery()).count == 3)
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test("migrate creates the schema on a new file and is a no-op the second time")
    func migrate() throws {
        let fixture = try StoreFixture()
        let path = fixture.folder.file("other/new.sqlite")
        let first = try SQLiteStore.migrate(path: path)
        #expect(!first.isEmpty)
        #expect(try SQLiteStore.migrate(path: path) == first)
        let store = try SQLiteStore(path: path, logger: Logger(label: "test"))
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.counts().values.reduce(0, +) == 0)
    }

    @Test("a file that is not a database is a database error (ours), not a crash")
    func notADatabase() throws {
        let fixture = try StoreFixture()
        let path = fixture.folder.write(String(repeating: "not sqlite ", count: 1000), to: "garbage.sqlite")
        #expect { try SQLiteStore(path: path, logger: Logger(label: "test")) } throws: {
            ($0 as? StoreError)?.code == .database && ($0 as? StoreError)?.category == .server
        }
    }

    @Test("bad queue options are refused")
    func badOptions() throws {
        let fixture = try StoreFixture()
        #expect { try SQLiteStore(path: fixture.folder.file("x.sqlite"), queue: QueueOptions(leaseSeconds: 0)) } throws: {
            ($0 as? StoreError)?.code == .invalidValue
        }
        #expect { try SQLiteStore(path: fixture.folder.file("x.sqlite"), queue: QueueOptions(backoffBase: .nan)) } throws: {
            ($0 as? StoreError)?.code == .invalidValue
        }
    }

    @Test("speed is a moving average per preset; spend counts only its calendar month")
    func speedAndSpend() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        #expect(try store.speed(preset: "square") == nil)
        try store.recordSpeed(preset: "square", secondsPerVideoSecond: 10)
        try store.recordSpeed(preset: "square", secondsPerVideoSecond: 20)
        let average = try #require(try store.speed(preset: "square"))
        #expect(average > 10 && average < 20)
        #expect { try store.recordSpeed(preset: "square", secondsPerVideoSecond: -1) } throws: { ($0 as? StoreError)?.code == .invalidValue }
        #expect { try store.recordSpeed(preset: "square", secondsPerVideoSecond: .infinity) } throws: { ($0 as? StoreError)?.code == .invalidValue }

        let job = try fixture.enqueue()
        _ = try #require(try store.claim(worker: "w", now: Date()))
        // 2030-01-31 23:59:59 UTC.
        let endOfJanuary = Date(timeIntervalSince1970: 1_896_134_399)
        try store.succeed(job.id, worker: "w", result: Samples.result, costs: [CostItem(kind: "a", units: 1, usd: 1.25), CostItem(kind: "b", units: 2, usd: 0.25)], now: endOfJanuary)
        #expect(try store.spend(monthOf: endOfJanuary) == 1.5)
        #expect(try store.spend(monthOf: Date(timeIntervalSince1970: 1_893_456_000)) == 1.5)   // 2030-01-01 00:00 UTC
        #expect(try store.spend(monthOf: endOfJanuary.addingTimeInterval(1)) == 0)            // February
    }
}
