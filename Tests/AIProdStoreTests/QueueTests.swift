import AIProdCore
import AIProdStore
import Foundation
import Synchronization
import Testing

@Suite("The durable queue")
struct QueueTests {
    @Test("concurrent claims from several threads and two connection pools never hand a job to two workers")
    func concurrentClaims() throws {
        let fixture = try StoreFixture()
        let second = try fixture.reopen()
        let count = 120
        var expected: Set<JobID> = []
        for index in 0..<count {
            expected.insert(try fixture.enqueue("Job \(index)").id)
        }
        let stores = [fixture.store, second]
        let claims = Mutex<[JobID]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            let store = stores[index % 2]
            let worker = "w\(index)"
            while true {
                do {
                    guard let claimed = try store.claim(worker: worker, now: Date()) else { break }
                    claims.withLock { $0.append(claimed.job.id) }
                    try store.succeed(claimed.job.id, worker: worker, result: Samples.result, costs: [], now: Date())
                } catch {
                    failures.withLock { $0.append("\(error)") }
                    break
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let claimed = claims.withLock { $0 }
        #expect(claimed.count == count)
        #expect(Set(claimed) == expected)
        #expect(try fixture.store.counts()[.succeeded] == count)
        #expect(try fixture.store.integrityCheck() == "ok")
    }

    @Test("higher priority first, then the earliest run_at")
    func priorities() throws {
        let fixture = try StoreFixture()
        let low = try fixture.enqueue("low", priority: -5)
        let normal1 = try fixture.enqueue("normal 1")
        let high = try fixture.enqueue("high", priority: 10)
        let normal2 = try fixture.enqueue("normal 2")
        var order: [JobID] = []
        while let claimed = try fixture.store.claim(worker: "w", now: Date()) {
            order.append(claimed.job.id)
        }
        #expect(order == [high.id, normal1.id, normal2.id, low.id])
    }

    @Test("an expired lease is reclaimed; a live one is not; the old worker's heartbeat then fails")
    func leaseExpiry() throws {
        let fixture = try StoreFixture(queue: QueueOptions(leaseSeconds: 10, backoffBase: 1, backoffCap: 4))
        let store = fixture.store
        let job = try fixture.enqueue()
        let t0 = Date()
        let claimed = try #require(try store.claim(worker: "w1", now: t0))
        #expect(try store.reclaimExpiredLeases(now: t0.addingTimeInterval(5)) == 0)
        #expect(try store.heartbeat(job.id, worker: "w1", now: t0.addingTimeInterval(5)))
        let extended = try #require(try store.job(job.id).leaseUntil)
        #expect(abs(extended.timeIntervalSince(t0) - 15) < 0.001)
        // Past the extended lease.
        #expect(try store.reclaimExpiredLeases(now: t0.addingTimeInterval(14)) == 0)
        #expect(try store.reclaimExpiredLeases(now: t0.addingTimeInterval(16)) == 1)
        let back = try store.job(job.id)
        #expect(back.state == .queued)
        #expect(back.leaseOwner == nil)
        #expect(back.attempts == claimed.attempt)
        #expect(try store.heartbeat(job.id, worker: "w1", now: t0.addingTimeInterval(16)) == false)
        let again = try #require(try store.claim(worker: "w2", now: t0.addingTimeInterval(17)))
        #expect(again.attempt == 2)
        #expect(again.job.id == job.id)
    }

    @Test("at boot every running job is reclaimed; one out of attempts is dead")
    func reclaimAllRunning() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let a = try fixture.enqueue("a", maxAttempts: 3)
        let b = try fixture.enqueue("b", maxAttempts: 1)
        _ = try fixture.enqueue("c")
        _ = try #require(try store.claim(worker: "w1", now: Date()))
        _ = try #require(try store.claim(worker: "w2", now: Date()))
        #expect(try store.reclaimAllRunning() == 2)
        #expect(try store.job(a.id).state == .queued)
        let dead = try store.job(b.id)
        #expect(dead.state == .dead)
        #expect(dead.error?.code == "worker_lost")
        #expect(try store.counts()[.running] == 0)
    }

    @Test("the backoff doubles from the base, stays in its upper half, and is capped")
    func backoffGrowsAndIsCapped() throws {
        let backoff = Backoff(base: 2, cap: 30)
        #expect((1...6).map { backoff.ceiling(afterAttempt: $0) } == [2, 4, 8, 16, 30, 30])
        #expect(backoff.ceiling(afterAttempt: 5000) == 30)
        for attempt in 1...8 {
            let ceiling = backoff.ceiling(afterAttempt: attempt)
            #expect(backoff.delay(afterAttempt: attempt, unit: 0) == ceiling / 2)
            #expect(backoff.delay(afterAttempt: attempt, unit: 1) == ceiling)
            let random = backoff.delay(afterAttempt: attempt)
            #expect(random >= ceiling / 2 && random <= ceiling)
        }

        // Through the store: each failure sets run_at within the attempt's window.
        let fixture = try StoreFixture(queue: QueueOptions(leaseSeconds: 60, backoffBase: 2, backoffCap: 5))
        let job = try fixture.enqueue(maxAttempts: 10)
        var now = Date()
        for attempt in 1...5 {
            let claimed = try #require(try fixture.store.claim(worker: "w", now: now))
            #expect(claimed.attempt == attempt)
            #expect(try fixture.store.fail(job.id, worker: "w", failure: Samples.crash, now: now) == .queued)
            let waiting = try fixture.store.job(job.id)
            let delay = waiting.runAt.timeIntervalSince(now)
            let ceiling = min(5, 2 * pow(2, Double(attempt - 1)))
            #expect(delay >= ceiling / 2 - 0.001 && delay <= ceiling + 0.001)
            #expect(waiting.error == Samples.crash)
            // Not claimable before its run_at.
            #expect(try fixture.store.claim(worker: "w", now: now) == nil)
            #expect(try fixture.store.nextRunAt() == waiting.runAt)
            now = waiting.runAt
        }
    }

    @Test("a retryable failure retries up to max attempts, then the job is dead")
    func retryToDead() throws {
        let fixture = try StoreFixture(queue: QueueOptions(leaseSeconds: 60, backoffBase: 0.5, backoffCap: 1))
        let job = try fixture.enqueue(maxAttempts: 3)
        var now = Date()
        var states: [JobState] = []
        while let claimed = try fixture.store.claim(worker: "w", now: now) {
            states.append(try fixture.store.fail(claimed.job.id, worker: "w", failure: Samples.crash, now: now))
            now = now.addingTimeInterval(2)
        }
        #expect(states == [.queued, .queued, .dead])
        let dead = try fixture.store.job(job.id)
        #expect(dead.state == .dead)
        #expect(dead.attempts == 3)
        #expect(dead.error == Samples.crash)
        #expect(dead.finishedAt != nil)
    }

    @Test("a failure retrying cannot fix (the caller's) is dead at once")
    func nonRetryableIsDead() throws {
        let fixture = try StoreFixture()
        let job = try fixture.enqueue(maxAttempts: 5)
        _ = try #require(try fixture.store.claim(worker: "w", now: Date()))
        #expect(try fixture.store.fail(job.id, worker: "w", failure: Samples.badInput, now: Date()) == .dead)
        #expect(try fixture.store.job(job.id).attempts == 1)
        #expect(try fixture.store.claim(worker: "w", now: Date().addingTimeInterval(1000)) == nil)
    }

    @Test("cancel: a queued job at once; a running one by request, which the heartbeat reports")
    func cancel() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let queued = try fixture.enqueue("queued")
        let running = try fixture.enqueue("running", priority: 1)
        _ = try #require(try store.claim(worker: "w", now: Date()))

        #expect(try store.cancel(queued.id, now: Date()).state == .canceled)
        #expect(try store.claim(worker: "w2", now: Date()) == nil)

        let requested = try store.cancel(running.id, now: Date())
        #expect(requested.state == .running)
        #expect(requested.cancelRequested)
        #expect(try store.heartbeat(running.id, worker: "w", now: Date()) == false)
        try store.markCanceled(running.id, worker: "w", now: Date())
        let canceled = try store.job(running.id)
        #expect(canceled.state == .canceled)
        #expect(canceled.leaseOwner == nil)
        #expect(canceled.finishedAt != nil)

        // A failure or a lost worker after the request still ends in `canceled`, never a retry.
        let failing = try fixture.enqueue("failing")
        let lost = try fixture.enqueue("lost")
        _ = try #require(try store.claim(worker: "w3", now: Date()))
        _ = try #require(try store.claim(worker: "w4", now: Date()))
        _ = try store.cancel(failing.id, now: Date())
        _ = try store.cancel(lost.id, now: Date())
        #expect(try store.fail(failing.id, worker: "w3", failure: Samples.crash, now: Date()) == .canceled)
        #expect(try store.reclaimAllRunning() == 1)
        #expect(try store.job(lost.id).state == .canceled)

        // A finished job can't be cancelled.
        #expect { try store.cancel(running.id, now: Date()) } throws: { ($0 as? StoreError)?.code == .conflict }
    }

    @Test("retry: a dead job is queued again with fresh attempts; a running or succeeded one is a conflict")
    func retry() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let job = try fixture.enqueue(maxAttempts: 1)
        _ = try #require(try store.claim(worker: "w", now: Date()))
        #expect { try store.retry(job.id, now: Date()) } throws: { ($0 as? StoreError)?.code == .conflict }
        #expect(try store.fail(job.id, worker: "w", failure: Samples.crash, now: Date()) == .dead)
        let retried = try store.retry(job.id, now: Date())
        #expect(retried.state == .queued)
        #expect(retried.attempts == 0)
        #expect(retried.error == nil)
        #expect(retried.finishedAt == nil)
        let claimed = try #require(try store.claim(worker: "w", now: Date()))
        #expect(claimed.attempt == 1)
        try store.succeed(job.id, worker: "w", result: Samples.result, costs: [], now: Date())
        #expect { try store.retry(job.id, now: Date()) } throws: { ($0 as? StoreError)?.code == .conflict }
    }

    @Test("release at shutdown gives the attempt back; with a cancel pending it cancels")
    func release() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let job = try fixture.enqueue()
        _ = try #require(try store.claim(worker: "w", now: Date()))
        try store.release(job.id, worker: "w")
        let back = try store.job(job.id)
        #expect(back.state == .queued)
        #expect(back.attempts == 0)
        #expect(back.leaseOwner == nil)
        _ = try #require(try store.claim(worker: "w", now: Date()))
        _ = try store.cancel(job.id, now: Date())
        try store.release(job.id, worker: "w")
        #expect(try store.job(job.id).state == .canceled)
    }

    @Test("the same idempotency key from the same token returns the same job; another token's is another job")
    func idempotency() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let first = try store.enqueue(JobSpec(script: "One."), options: EnqueueOptions(idempotencyKey: "k-1", tokenName: "alice"))
        let again = try store.enqueue(JobSpec(script: "One."), options: EnqueueOptions(idempotencyKey: "k-1", tokenName: "alice"))
        let other = try store.enqueue(JobSpec(script: "One."), options: EnqueueOptions(idempotencyKey: "k-1", tokenName: "bob"))
        let noKey = try store.enqueue(JobSpec(script: "One."), options: EnqueueOptions(tokenName: "alice"))
        #expect(first.created)
        #expect(!again.created)
        #expect(again.job.id == first.job.id)
        #expect(other.created && other.job.id != first.job.id)
        #expect(noKey.created && noKey.job.id != first.job.id)
        #expect(try store.counts()[.queued] == 3)
        #expect(try store.auditEntries(AuditQuery(type: .pipelineRun)).count == 3)
        #expect { try store.enqueue(JobSpec(script: "x"), options: EnqueueOptions(idempotencyKey: String(repeating: "k", count: 300))) } throws: {
            ($0 as? StoreError)?.code == .invalidValue
        }
    }

    @Test("every state change is published after it commits; enqueue, retry and backoff wake workers")
    func events() async throws {
        let fixture = try StoreFixture(queue: QueueOptions(leaseSeconds: 60, backoffBase: 1, backoffCap: 1))
        let store = fixture.store
        let all = store.events.subscribe(nil)
        let job = try fixture.enqueue(maxAttempts: 2)
        let one = store.events.subscribe(job.id)
        let unrelated = try fixture.enqueue("other", priority: -1)
        _ = try #require(try store.claim(worker: "w", now: Date()))
        try store.progress(job.id, JobProgress(stage: .render, fraction: 0.5))
        _ = try store.fail(job.id, worker: "w", failure: Samples.crash, now: Date())

        var seen: [JobEvent] = []
        for await event in all {
            seen.append(event)
            if seen.count == 6 { break }
        }
        #expect(seen[0] == .enqueued(job.id))
        #expect(seen[1] == .enqueued(unrelated.id))
        guard case .changed(let running) = seen[2] else { Issue.record("expected .changed, got \(seen[2])"); return }
        #expect(running.state == .running)
        #expect(seen[3] == .progress(job.id, JobProgress(stage: .render, fraction: 0.5)))
        #expect(seen[4] == .enqueued(job.id))
        guard case .changed(let requeued) = seen[5] else { Issue.record("expected .changed"); return }
        #expect(requeued.state == .queued)

        var mine: [JobEvent] = []
        for await event in one {
            mine.append(event)
            if mine.count == 4 { break }
        }
        #expect(mine.allSatisfy { $0.jobID == job.id })
    }
}
