import Foundation
import Testing
@testable import AIProdPipeline

/// The parts the pool is built from: the thread blocking work runs on, and the signal idle
/// workers sleep on. No timing is asserted: a wait that must end by a notification, a close
/// or a cancel has no deadline at all, so if the mechanism broke the test would hang until the
/// suite's time limit (generous: the full suite can keep the cooperative pool busy for minutes).
@Suite("Worker parts", .timeLimit(.minutes(10)))
struct WorkerPartsTests {
    struct Failure: Error, Equatable { var code: Int }

    @Test("a dedicated thread runs the work on itself, in order, and passes results and errors back")
    func dedicatedThread() async throws {
        let thread = DedicatedThread(name: "aiprod-test-thread")
        defer { thread.close() }
        #expect(DedicatedThread.currentName == nil)
        let name = try await thread.run { DedicatedThread.currentName }
        #expect(name == "aiprod-test-thread")
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 0..<20 { group.addTask { try await thread.run { value * 2 } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.sorted() == (0..<20).map { $0 * 2 })
        await #expect(throws: Failure(code: 7)) {
            try await thread.run { () throws(Failure) -> Int in throw Failure(code: 7) }
        }
    }

    @Test("after close, work is refused with CancellationError")
    func closedThread() async throws {
        let thread = DedicatedThread(name: "aiprod-test-closed")
        thread.close()
        await #expect(throws: CancellationError.self) {
            try await thread.run { 1 }
        }
    }

    @Test("a notification with nobody waiting is kept: the next wait returns at once")
    func permitKept() async {
        let signal = WakeSignal()
        signal.notify()
        await signal.wait(timeout: nil)
    }

    @Test("a wait without a notification ends at its deadline")
    func deadline() async {
        let signal = WakeSignal()
        let started = ContinuousClock.now
        await signal.wait(timeout: .milliseconds(50))
        #expect(ContinuousClock.now - started >= .milliseconds(50))
    }

    @Test("notify wakes a waiter; close wakes them all and every later wait")
    func notifyAndClose() async {
        let signal = WakeSignal()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await signal.wait(timeout: nil) }
            try? await Task.sleep(for: .milliseconds(50))
            signal.notify()
            await group.waitForAll()
        }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { await signal.wait(timeout: nil) } }
            try? await Task.sleep(for: .milliseconds(50))
            signal.close()
            await group.waitForAll()
        }
        await signal.wait(timeout: nil)
    }

    @Test("a cancelled task stops waiting")
    func cancelledWait() async {
        let signal = WakeSignal()
        let task = Task { await signal.wait(timeout: nil) }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
    }

    @Test("a job's control keeps the first reason and raises the cancellation")
    func controlReason() {
        let control = JobControl()
        #expect(control.stopReason == .none && !control.cancellation.isCancelled)
        control.stop(.cancelRequested)
        control.stop(.shutdown)
        #expect(control.stopReason == .cancelRequested)
        #expect(control.cancellation.isCancelled)
    }

    @Test("the progress throttle lets one report through per interval")
    func throttle() {
        let throttle = ProgressThrottle(interval: .milliseconds(250))
        let start = ContinuousClock.now
        #expect(throttle.admit(now: start))
        #expect(!throttle.admit(now: start + .milliseconds(100)))
        #expect(throttle.admit(now: start + .milliseconds(260)))
    }
}
