import AIProdCore
import AIProdPipeline
import AIProdStore
import AIProdTestSupport
import Foundation
import Logging
import ServiceLifecycle

/// A worker pool on a real SQLite file in a scratch folder, with the local studio (espeak-ng,
/// fluidsynth, libav) rendering the small test preset; short lease and backoff so retries
/// happen within a test.
final class PoolFixture: Sendable {
    let scratch = ScratchDirectory()
    let store: SQLiteStore
    let configuration: WorkerPoolConfiguration
    static let logger = Logger(label: "pool-test", factory: { _ in SwiftLogNoOpLogHandler() })

    init(backoffBase: Double = 0.2, idleRecheck: Duration = .seconds(30), workers: Int = 1, maxJobBytes: Int64 = 0,
         metrics: PipelineMetrics = .disabled,
         function: String = #function) throws {
        store = try SQLiteStore(path: scratch.file("aiprod.sqlite3"), synchronous: .normal,
                                queue: QueueOptions(leaseSeconds: 30, backoffBase: backoffBase, backoffCap: backoffBase * 4),
                                logger: Self.logger)
        var configuration = WorkerPoolConfiguration(
            workers: workers, jobsDirectory: scratch.file("jobs"), assetsDirectory: scratch.file("assets"), heartbeat: .milliseconds(500),
            leaseCheck: .seconds(5), idleRecheck: idleRecheck, progressInterval: .milliseconds(250), workerPrefix: "test",
            defaultPreset: PipelineFixture.preset.name, prices: CostsConfig(), metrics: metrics)
        configuration.maxJobBytes = maxJobBytes
        self.configuration = configuration
    }

    func pool<Notifier: JobEndNotifier>(notifier: Notifier, runner: StudioFactory.LocalRunner? = nil) throws -> WorkerPool<SQLiteStore, StudioFactory.LocalRunner, Notifier> {
        WorkerPool(store: store, runner: try runner ?? PipelineFixture.runner(), notifier: notifier, configuration: configuration, logger: Self.logger)
    }

    @discardableResult
    func enqueue(_ spec: JobSpec = PipelineFixture.spec(), maxAttempts: Int = 3) throws -> JobRecord {
        try store.enqueue(spec, options: EnqueueOptions(maxAttempts: maxAttempts)).job
    }

    func directory(_ id: JobID) -> JobDirectory { configuration.directory(for: id.rawValue) }

    /// Runs a pool in a service group while `body` runs, then shuts it down gracefully and waits
    /// for it to stop.
    func running<T: Sendable, Notifier: JobEndNotifier>(notifier: Notifier = NoJobEndNotifier(), runner: StudioFactory.LocalRunner? = nil,
                                                        _ body: @Sendable () async throws -> T) async throws -> T {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [try pool(notifier: notifier, runner: runner)], logger: Self.logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let value = try await body()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "timed out waiting for \(what)" }
    }

    /// Waits for the job's first event that `matches` (or its current record, if that already
    /// does), at most `timeout`: the store's events, not polling.
    func wait(for id: JobID, _ what: String, timeout: Duration = .seconds(180),
              until matches: @escaping @Sendable (JobEvent, JobRecord?) -> Bool) async throws -> JobRecord {
        let events = store.events.subscribe(id)
        let store = store
        if matches(.changed(try store.job(id)), try store.job(id)) { return try store.job(id) }
        let found = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await event in events {
                    let record: JobRecord? = if case .changed(let job) = event { job } else { nil }
                    if matches(event, record) { return true }
                }
                return false
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        guard found else { throw Timeout(what: what) }
        return try store.job(id)
    }

    /// Waits until the job is in `state`.
    func wait(for id: JobID, state: JobState, timeout: Duration = .seconds(180)) async throws -> JobRecord {
        try await wait(for: id, "state \(state.rawValue)", timeout: timeout) { _, record in record?.state == state }
    }

    /// Waits until the job is in a state no worker moves it from.
    func waitUntilEnded(_ id: JobID, timeout: Duration = .seconds(180)) async throws -> JobRecord {
        try await wait(for: id, "a terminal state", timeout: timeout) { _, record in record?.state.isTerminal == true }
    }

    /// Waits until the job's `stage` has begun.
    func wait(for id: JobID, stage: StageName, timeout: Duration = .seconds(180)) async throws -> JobRecord {
        try await wait(for: id, "stage \(stage.rawValue)", timeout: timeout) { event, record in
            switch event {
            case .progress(_, let progress): progress.stage >= stage
            case .changed: record?.state == .running && (record?.stage ?? .plan) >= stage
            case .enqueued: false
            }
        }
    }
}
