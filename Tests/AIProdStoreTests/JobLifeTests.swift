import AIProdCore
import AIProdStore
import Foundation
import Testing

@Suite("A job's life in the store")
struct JobLifeTests {
    @Test("queued → running → stages → succeeded, with one result, costs and audit rows")
    func wholeLife() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let estimate = CostEstimate(computeSeconds: 30, usd: 0.02, etaSeconds: 31, items: [CostItem(kind: "compute_seconds", units: 30, usd: 0.02)])
        let (job, created) = try store.enqueue(
            JobSpec(script: "Bonjour.", title: "T", priority: 3),
            options: EnqueueOptions(tokenName: "alice", clientIP: "10.0.0.2", maxAttempts: 4, estimate: estimate))
        #expect(created)
        #expect(job.state == .queued)
        #expect(job.priority == 3)
        #expect(job.maxAttempts == 4)
        #expect(job.id.rawValue.hasPrefix("job_") && job.id.rawValue.count == 30)
        #expect(try store.job(job.id) == job)
        #expect(try store.counts()[.queued] == 1)

        let now = Date()
        let claimed = try #require(try store.claim(worker: "w1", now: now))
        #expect(claimed.job.id == job.id)
        #expect(claimed.attempt == 1)
        #expect(claimed.job.state == .running)
        #expect(claimed.job.leaseOwner == "w1")
        #expect(abs(claimed.leaseUntil.timeIntervalSince(now) - 30) < 0.001)
        #expect(try store.claim(worker: "w2", now: now) == nil)

        for stage in StageName.allCases {
            try store.stageStarted(job.id, stage: stage, worker: "w1", now: now)
            try store.progress(job.id, JobProgress(stage: stage, fraction: 0.5))
            try store.stageFinished(job.id, stage: stage, seconds: 1.5, now: now)
        }
        let runs = try store.stageRuns(job.id)
        #expect(runs.map(\.stage) == StageName.allCases)
        #expect(runs.allSatisfy { $0.attempt == 1 && $0.worker == "w1" && $0.seconds == 1.5 && $0.finishedAt != nil })
        let running = try store.job(job.id)
        #expect(running.stage == .publish)
        #expect(running.progress > 99)

        try store.succeed(job.id, worker: "w1", result: Samples.result, costs: [CostItem(kind: "compute_seconds", units: 31, usd: 0.03)], now: now)
        let done = try store.job(job.id)
        #expect(done.state == .succeeded)
        #expect(done.result == Samples.result)
        #expect(done.progress == 100)
        #expect(done.leaseOwner == nil)
        #expect(done.finishedAt != nil)
        #expect(done.estimate == estimate)
        #expect(done.tokenName == "alice")
        #expect(try store.costs(job: job.id) == [CostItem(kind: "compute_seconds", units: 31, usd: 0.03)])
        #expect(abs(try store.spend(monthOf: now) - 0.03) < 1e-9)

        let audit = try store.auditEntries(AuditQuery())
        #expect(audit.map(\.type) == [.pipelineResult, .pipelineRun])
        #expect(audit.last?.clientIP == "10.0.0.2")
        #expect(audit.allSatisfy { $0.resource == job.id.rawValue && $0.tokenName == "alice" })
    }

    @Test("a finished job has exactly one result: a second succeed is a conflict and changes nothing")
    func oneResultOnly() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let job = try fixture.enqueue()
        _ = try #require(try store.claim(worker: "w1", now: Date()))
        try store.succeed(job.id, worker: "w1", result: Samples.result, costs: [CostItem(kind: "compute_seconds", units: 1, usd: 1)], now: Date())
        var other = Samples.result
        other.duration = 99
        #expect {
            try store.succeed(job.id, worker: "w1", result: other, costs: [CostItem(kind: "compute_seconds", units: 1, usd: 5)], now: Date())
        } throws: { ($0 as? StoreError)?.code == .conflict }
        #expect(try store.job(job.id).result == Samples.result)
        #expect(try store.costs(job: job.id).count == 1)
        #expect(try store.auditEntries(AuditQuery(type: .pipelineResult)).count == 1)
    }

    @Test("a worker without the lease can't finish, fail or advance the job")
    func leaseIsChecked() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let job = try fixture.enqueue()
        _ = try #require(try store.claim(worker: "w1", now: Date()))
        for attempt in [
            { try store.succeed(job.id, worker: "w2", result: Samples.result, costs: [], now: Date()) },
            { _ = try store.fail(job.id, worker: "w2", failure: Samples.crash, now: Date()) },
            { try store.stageStarted(job.id, stage: .plan, worker: "w2", now: Date()) },
            { try store.release(job.id, worker: "w2") },
        ] as [() throws -> Void] {
            #expect { try attempt() } throws: { ($0 as? StoreError)?.code == .conflict }
        }
        #expect(try store.heartbeat(job.id, worker: "w2", now: Date()) == false)
        #expect(try store.heartbeat(job.id, worker: "w1", now: Date()) == true)
        #expect(try store.job(job.id).state == .running)
    }

    @Test("unknown ids are not_found; malformed cursors are invalid_value")
    func notFound() throws {
        let fixture = try StoreFixture()
        let missing = JobID()
        #expect { try fixture.store.job(missing) } throws: { ($0 as? StoreError)?.code == .notFound && ($0 as? StoreError)?.category == .caller }
        #expect { try fixture.store.cancel(missing, now: Date()) } throws: { ($0 as? StoreError)?.code == .notFound }
        #expect { try fixture.store.jobs(state: nil, limit: 10, cursor: "../../etc") } throws: { ($0 as? StoreError)?.code == .invalidValue }
        #expect(JobID(rawValue: "job_../../etc/passwd") == nil)
        #expect(JobID(rawValue: "job_ABCDEFGHIJKLMNOPQRSTUVWXYZ") == nil)
        #expect(JobID(rawValue: JobID().rawValue) != nil)
    }

    @Test("listing pages newest first, by state, with an opaque cursor")
    func listing() throws {
        let fixture = try StoreFixture()
        var ids: [JobID] = []
        for index in 0..<7 {
            ids.append(try fixture.enqueue("Job \(index)").id)
        }
        _ = try #require(try fixture.store.claim(worker: "w", now: Date()))
        var seen: [JobID] = []
        var cursor: String?
        repeat {
            let page = try fixture.store.jobs(state: nil, limit: 3, cursor: cursor)
            #expect(page.jobs.count <= 3)
            seen += page.jobs.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(Set(seen) == Set(ids))
        #expect(seen.count == 7)
        let created = try seen.map { try fixture.store.job($0).createdAt }
        #expect(created == created.sorted(by: >))
        let queued = try fixture.store.jobs(state: .queued, limit: 100, cursor: nil)
        #expect(queued.jobs.count == 6)
        #expect(queued.next == nil)
        #expect(try fixture.store.counts() == [.queued: 6, .running: 1, .succeeded: 0, .failed: 0, .dead: 0, .canceled: 0])
    }
}
