import AIProdCore
import AIProdStore
import ArgumentParser
import Foundation
import Logging

/// `aiprod bench queue`: the durable queue's own throughput on a fresh SQLite file, without
/// HTTP: enqueues (one transaction each, as `POST /pipeline/run` does), then claim, stage
/// started, stage finished and result for every job with the given worker threads. The median of
/// several runs, each on a new file.
struct BenchQueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Measure enqueue and claim-and-complete jobs/s on a fresh SQLite file.")

    @Option(help: "Jobs per run.")
    var jobs = 5000

    @Option(help: "Worker threads claiming at once.")
    var workers = 2

    @Option(help: "Runs (the median is printed).")
    var runs = 3

    @Option(help: "The SQLite file to create (removed before each run).")
    var database: String = NSTemporaryDirectory() + "aiprod-bench-queue.sqlite3"

    @Option(help: "synchronous: normal or full.")
    var synchronous = "normal"

    func run() throws {
        guard jobs > 0, workers > 0, runs > 0 else { throw ValidationError("--jobs, --workers and --runs must be > 0") }
        guard let level = SQLiteSynchronous(rawValue: synchronous) else { throw ValidationError("--synchronous is normal or full") }
        var enqueues: [Double] = []
        var completes: [Double] = []
        for run in 1...runs {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            let store = try SQLiteStore(path: database, synchronous: level, queue: QueueOptions(leaseSeconds: 60, backoffBase: 2, backoffCap: 300),
                                        logger: Logger(label: "bench"))
            let benchmark = QueueBenchmark(store: store)
            let enqueued = try benchmark.enqueue(count: jobs)
            let completed = benchmark.claimAndComplete(workers: workers)
            guard completed.jobs == jobs else { throw ValidationError("run \(run): completed \(completed.jobs) of \(jobs) jobs") }
            print(String(format: "run %d: enqueue %.0f jobs/s, claim-and-complete %.0f jobs/s (%d workers)",
                         run, enqueued.jobsPerSecond, completed.jobsPerSecond, workers))
            enqueues.append(enqueued.jobsPerSecond)
            completes.append(completed.jobsPerSecond)
            try store.close()
        }
        print(String(format: "median: enqueue %.0f jobs/s, claim-and-complete %.0f jobs/s (%d jobs, synchronous=%@)",
                     Self.median(enqueues), Self.median(completes), jobs, synchronous))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
