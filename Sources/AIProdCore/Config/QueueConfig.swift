/// `[queue]`: retries and leases of the durable queue. Times are seconds (decimals allowed, so
/// tests can use short leases).
public struct QueueConfig: ConfigSection {
    public static let sectionName = "queue"
    /// Attempts before a job that keeps failing on our side is `dead`.
    public var maxAttempts = 5
    /// How long a claim holds a job without a heartbeat; a crashed worker's jobs come back
    /// after it.
    public var leaseSeconds = 60.0
    /// How often a running job's lease is renewed; below `lease_seconds`.
    public var heartbeatSeconds = 10.0
    /// Retry delay: `backoff_base_seconds × 2^(attempt−1)` with jitter, at most
    /// `backoff_cap_seconds`.
    public var backoffBaseSeconds = 2.0
    public var backoffCapSeconds = 300.0

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = try ini.integer(name, "max_attempts", in: 1...100) { maxAttempts = value }
        if let value = try ini.number(name, "lease_seconds", in: 0.1...86_400) { leaseSeconds = value }
        if let value = try ini.number(name, "heartbeat_seconds", in: 0.05...3_600) { heartbeatSeconds = value }
        if let value = try ini.number(name, "backoff_base_seconds", in: 0...3_600) { backoffBaseSeconds = value }
        if let value = try ini.number(name, "backoff_cap_seconds", in: 0...86_400) { backoffCapSeconds = value }
        guard heartbeatSeconds < leaseSeconds else {
            throw ConfigError(section: name, key: "heartbeat_seconds",
                              message: "must be below lease_seconds (\(leaseSeconds.configText)), or every lease lapses between heartbeats")
        }
        guard backoffCapSeconds >= backoffBaseSeconds else {
            throw ConfigError(section: name, key: "backoff_cap_seconds",
                              message: "must not be below backoff_base_seconds (\(backoffBaseSeconds.configText))")
        }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("max_attempts", .integer(maxAttempts)),
            ConfigEntry("lease_seconds", .number(leaseSeconds)),
            ConfigEntry("heartbeat_seconds", .number(heartbeatSeconds)),
            ConfigEntry("backoff_base_seconds", .number(backoffBaseSeconds)),
            ConfigEntry("backoff_cap_seconds", .number(backoffCapSeconds)),
        ]
    }
}
