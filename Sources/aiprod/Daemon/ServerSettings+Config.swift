import AIProdCore
import AIProdServer

extension ServerSettings {
    /// What the HTTP layer takes from the daemon's configuration.
    init(_ config: ServiceConfig, version: String = AIProdVersion.current) {
        self.init(
            host: config.server.listen, port: config.server.port, maxBodyBytes: config.server.maxBodyBytes,
            maxUploadBytes: Int64(config.server.maxUploadBytes), dataDirectory: config.storage.dataDirectory, limits: config.limits,
            defaultPreset: config.render.defaultPreset, maxAttempts: config.queue.maxAttempts, monthlyBudgetUsd: config.budget.monthlyUsd,
            workerCount: config.workers.count, version: version,
            redactedConfig: config.redactedDictionary.mapValues { section in section.mapValues { "\($0)" } })
        minFreeBytes = Int64(config.storage.minFreeBytes)
        maxBytesPerDay = Int64(config.storage.maxBytesPerDay)
        openHealth = config.auth.allowOpenHealth
        openMetrics = config.auth.allowOpenMetrics
        status = config.status
    }
}
