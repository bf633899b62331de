/// Every metric of `/metrics`, in one place: the pipeline records some through swift-metrics,
/// the server others, and the exporter gives each its help text and buckets from here (two
/// handlers of one name with different help would be refused by the registry).
public enum MetricCatalog {
    public static let jobs = MetricDescription("aiprod_jobs", help: "Jobs in the store, by state.")
    public static let queueDepth = MetricDescription("aiprod_queue_depth", help: "Jobs waiting for a worker.")
    public static let queueOldestAge = MetricDescription(
        "aiprod_queue_oldest_age_seconds", help: "Seconds the oldest queued job has waited since it was created (0 when none waits).")
    public static let workers = MetricDescription("aiprod_workers", help: "Worker threads configured.")
    public static let stageDuration = MetricDescription(
        "aiprod_stage_duration_seconds", help: "Wall-clock seconds a stage took to run to its end, by stage.",
        buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1_800, 3_600])
    public static let renderRealtimeFactor = MetricDescription(
        "aiprod_render_realtime_factor", help: "Seconds of video the render stage made per second of wall clock (above 1 is faster than real time).",
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32])
    public static let httpRequestDuration = MetricDescription(
        "aiprod_http_request_duration_seconds", help: "Seconds to answer an HTTP request, by route template, method and status.",
        buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30])
    public static let httpRequestsInFlight = MetricDescription(
        "aiprod_http_requests_in_flight", help: "HTTP requests being answered now.")
    public static let databaseBytes = MetricDescription(
        "aiprod_database_bytes", help: "Bytes of the SQLite database file and its write-ahead log.")
    public static let assetBytes = MetricDescription("aiprod_asset_bytes", help: "Bytes of the uploaded assets in the asset index.")
    public static let webhookDeliveries = MetricDescription(
        "aiprod_webhook_deliveries_total", help: "Webhook deliveries by outcome (delivered, failed, cancelled).")
    public static let buildInfo = MetricDescription("aiprod_build_info", help: "Always 1; the version label names the running build.")
    public static let jobAttempts = MetricDescription(
        "aiprod_job_attempts_total",
        help: "Attempts at a job that ended, by outcome (succeeded, failed and queued again, dead, canceled); shutdown releases are not counted.")
    public static let jobCost = MetricDescription(
        "aiprod_job_cost_usd", help: "What a succeeded job cost, in US dollars: the cost rows its success recorded.",
        buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100])
    public static let diskFree = MetricDescription(
        "aiprod_disk_free_bytes", help: "Bytes the daemon may still write on the file system of its data folder.")
    public static let diskSize = MetricDescription("aiprod_disk_size_bytes", help: "Size of the file system of the data folder.")

    public static let providerCalls = MetricDescription(
        "aiprod_provider_calls_total", help: "Calls to remote providers, by provider and outcome (succeeded, cached, failed, skipped).")
    public static let providerCallDuration = MetricDescription(
        "aiprod_provider_call_duration_seconds", help: "Seconds a provider call took, retries included, by provider.",
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300])
    public static let providerCost = MetricDescription(
        "aiprod_provider_cost_usd_total", help: "US dollars spent on remote providers, by provider.")

    public static let all: [MetricDescription] = [
        jobs, queueDepth, queueOldestAge, workers, stageDuration, renderRealtimeFactor, httpRequestDuration,
        httpRequestsInFlight, databaseBytes, assetBytes, webhookDeliveries, buildInfo, jobAttempts, jobCost, diskFree, diskSize,
        providerCalls, providerCallDuration, providerCost,
    ]

    /// By name, for the exporter's lookups.
    public static let byName: [String: MetricDescription] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
