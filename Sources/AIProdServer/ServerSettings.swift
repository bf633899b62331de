import AIProdCore

/// What the HTTP layer needs from the daemon's configuration, and nothing more. The daemon maps
/// its `ServiceConfig` onto this, so the server can be built (and tested) without an INI file.
public struct ServerSettings: Sendable {
    /// Address to listen on, `127.0.0.1` by default (LAN exposure is a deliberate choice).
    public var host: String
    /// 0 picks a free port; the bound one is reported through `onServerRunning`.
    public var port: Int
    /// Largest JSON body collected in memory; larger answers 413.
    public var maxBodyBytes: Int
    /// Largest upload streamed to disk; larger answers 413.
    public var maxUploadBytes: Int64
    /// `<data>`: `jobs/<id>/`, `assets/` and `tmp/` live under it.
    public var dataDirectory: String
    /// Media and document limits applied to uploads and Timeline bodies.
    public var limits: Limits
    /// Preset used when a request names neither `preset` nor `aspect_ratio`.
    public var defaultPreset: String
    /// Attempts a new job gets before it is dead.
    public var maxAttempts: Int
    /// Monthly spend cap in USD; 0 means no cap.
    public var monthlyBudgetUsd: Double
    /// Worker threads the daemon runs, reported by `/health`.
    public var workerCount: Int
    /// Reported by `/health` and `/openapi.json`.
    public var version: String
    /// The effective configuration with secrets already redacted, served by `/admin/config`.
    public var redactedConfig: [String: [String: String]]
    /// `[storage] min_free_bytes`: below it new jobs and uploads get 507. 0: off.
    public var minFreeBytes: Int64 = 0
    /// `[storage] max_bytes_per_day`: job folders plus uploads created per UTC day. 0: off.
    public var maxBytesPerDay: Int64 = 0
    /// `[auth] allow_open_health`: `/health` without a token.
    public var openHealth = true
    /// `[auth] allow_open_metrics`: `/metrics` without a token.
    public var openMetrics = false
    /// `[status]`: who sees `/status` without a token, and its refresh.
    public var status = StatusConfig()

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 1 << 20, maxUploadBytes: Int64 = 512 << 20,
        dataDirectory: String, limits: Limits = Limits(), defaultPreset: String = "web-720p", maxAttempts: Int = 5,
        monthlyBudgetUsd: Double = 0, workerCount: Int = 1, version: String = "dev",
        redactedConfig: [String: [String: String]] = [:]
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.dataDirectory = dataDirectory
        self.limits = limits
        self.defaultPreset = defaultPreset
        self.maxAttempts = maxAttempts
        self.monthlyBudgetUsd = monthlyBudgetUsd
        self.workerCount = workerCount
        self.version = version
        self.redactedConfig = redactedConfig
    }

    var jobsDirectory: String { dataDirectory + "/jobs" }
    var assetsDirectory: String { dataDirectory + "/assets" }
    var tempDirectory: String { dataDirectory + "/tmp" }
}
