import AIProdCore

extension WorkerPoolConfiguration {
    /// The pool the daemon runs: `[workers]`, `[storage]`, `[queue]`, `[render]` and `[costs]`.
    public init(_ config: ServiceConfig) {
        let data = config.storage.dataDirectory
        let lease = max(config.queue.leaseSeconds, 0.1)
        self.init(
            workers: config.workers.count, jobsDirectory: data + "/jobs", assetsDirectory: data + "/assets",
            heartbeat: .milliseconds(Int64(max(config.queue.heartbeatSeconds, 0.05) * 1000)),
            leaseCheck: .milliseconds(Int64(max(lease / 2, 0.05) * 1000)),
            defaultPreset: config.render.defaultPreset, prices: config.costs)
        maxJobBytes = Int64(config.storage.maxJobBytes)
    }
}
