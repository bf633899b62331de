import AIProdCore
import Foundation
import Synchronization

/// Measures the queue's throughput on a real store, for `docs/BENCHMARKS.md` (`aiprod bench`
/// or a script can call it); nothing in the unit tests times anything.
public struct QueueBenchmark: Sendable {
    public struct Measurement: Sendable, Hashable {
        public var jobs: Int
        public var seconds: Double
        public var jobsPerSecond: Double { seconds > 0 ? Double(jobs) / seconds : 0 }
    }

    public let store: SQLiteStore

    public init(store: SQLiteStore) {
        self.store = store
    }

    /// Durable enqueues, one transaction each, from one thread.
    public func enqueue(count: Int, spec: JobSpec = JobSpec(script: "Benchmark.")) throws(StoreError) -> Measurement {
        let start = ContinuousClock.now
        for _ in 0..<max(count, 0) {
            _ = try store.enqueue(spec, options: EnqueueOptions())
        }
        return Measurement(jobs: max(count, 0), seconds: Self.seconds(since: start))
    }

    /// Claims and completes (an empty stage, a result) every queued job with `workers` threads.
    public func claimAndComplete(workers: Int) -> Measurement {
        let result = JobResult(
            video: "video.mp4", thumbnail: nil, subtitlesSrt: nil, subtitlesVtt: nil, duration: 1, videoBytes: 1,
            videoSha256: String(repeating: "0", count: 64), qaPassed: true, qaFailures: [], wallSeconds: 0)
        let completed = Counter()
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: max(workers, 1)) { index in
            let worker = "bench-\(index)"
            while let claimed = try? store.claim(worker: worker, now: Date()) {
                guard (try? store.succeed(claimed.job.id, worker: worker, result: result, costs: [], now: Date())) != nil else { continue }
                completed.add()
            }
        }
        return Measurement(jobs: completed.value, seconds: Self.seconds(since: start))
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// A thread-safe count for the benchmark's worker threads.
private final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
