import AIProdCore
import Foundation

/// How a ``WorkerPool`` runs: how many jobs at once, where their folders are, and the timings
/// of the lease it keeps on each. The daemon builds it from `ServiceConfig`; tests shorten the
/// timings.
public struct WorkerPoolConfiguration: Sendable {
    /// Jobs rendered at once, each on its own thread.
    public var workers: Int
    /// `<data>/jobs`: job `id`'s folder is `jobs/<id>/`.
    public var jobsDirectory: String
    /// `<data>/assets`, the content-addressed asset store.
    public var assetsDirectory: String
    /// How often a running job's lease is renewed (and the cancel flag read back, should the
    /// event that carries a cancel have been missed). Below the store's lease time.
    public var heartbeat: Duration
    /// How often expired leases are looked for (a worker of this process that hung): half the
    /// lease time is enough for a reclaimed job to start at most one and a half leases late.
    public var leaseCheck: Duration
    /// The longest an idle worker sleeps without a notification: a safety net, not a poll
    /// (enqueues, retries and backoff deadlines all wake it sooner).
    public var idleRecheck: Duration
    /// Progress reports reach the store at most this often.
    public var progressInterval: Duration
    /// Names this process's workers in leases (`<prefix>-<n>`): host and pid by default.
    public var workerPrefix: String
    /// The preset a job that names none renders with: its measured speed is recorded under it.
    public var defaultPreset: String
    /// `[costs]`: a finished job's wall time is billed with the same model as its estimate.
    public var prices: CostsConfig
    /// `[storage] max_job_bytes`: the most a job's folder may hold (its own files; hard links
    /// to assets are not counted). 0: no cap.
    public var maxJobBytes: Int64 = 0
    /// Stage durations and the render's real-time factor go here; `.disabled` records nothing.
    public var metrics: PipelineMetrics

    public init(
        workers: Int = 1, jobsDirectory: String, assetsDirectory: String, heartbeat: Duration = .seconds(10),
        leaseCheck: Duration = .seconds(30), idleRecheck: Duration = .seconds(30), progressInterval: Duration = .milliseconds(250),
        workerPrefix: String = WorkerPoolConfiguration.defaultWorkerPrefix, defaultPreset: String = "web-720p",
        prices: CostsConfig = CostsConfig(), metrics: PipelineMetrics = .disabled
    ) {
        self.workers = max(1, workers)
        self.jobsDirectory = jobsDirectory
        self.assetsDirectory = assetsDirectory
        self.heartbeat = heartbeat
        self.leaseCheck = leaseCheck
        self.idleRecheck = idleRecheck
        self.progressInterval = progressInterval
        self.workerPrefix = workerPrefix
        self.defaultPreset = defaultPreset
        self.prices = prices
        self.metrics = metrics
    }

    /// `host:pid`: tells, in a lease, which process holds a job.
    public static var defaultWorkerPrefix: String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// The folder of one job.
    public func directory(for id: String) -> JobDirectory {
        JobDirectory(root: jobsDirectory + "/" + id)
    }

    /// The preset a spec renders with, as its speed is recorded: the one it names, the one its
    /// aspect ratio picks, else the default.
    func presetName(for spec: JobSpec) -> String {
        if let preset = spec.preset { return preset }
        switch spec.aspectRatio {
        case .portrait?: return Preset.shorts9x16.name
        case .square?: return Preset.square1x1.name
        case .landscape?, nil: return defaultPreset
        }
    }
}
