import AIProdCore
import AIProdStore
import CoreMetrics
import Foundation
import NIOCore
import Prometheus

/// `/metrics`: one Prometheus registry that the HTTP layer records into (request durations by
/// route template, requests in flight), the workers record into through ``factory`` (stages,
/// render speed, webhooks), and the scrape fills with what the store says at that moment (jobs
/// by state, queue age, bytes on disk). The daemon makes one and hands its ``factory`` to the
/// worker pool; each test server makes its own.
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// swift-metrics' way into ``registry``, with the catalogue's help and buckets.
    public let factory: CatalogMetricsFactory
    private let inFlight: CoreMetrics.Meter

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = CatalogMetricsFactory(registry: registry)
        self.inFlight = CoreMetrics.Meter(label: MetricCatalog.httpRequestsInFlight.name, factory: factory)
    }

    func requestStarted() { inFlight.increment() }

    /// One answered request. `route` is a ``RouteCatalog`` template (or a fixed word for a path
    /// no route matches): never the raw path, whose ids would make a series per job.
    func requestEnded(route: String, method: String, status: Int, seconds: Double) {
        inFlight.decrement()
        CoreMetrics.Timer(label: MetricCatalog.httpRequestDuration.name,
              dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            .recordSeconds(max(0, seconds))
    }

    /// Sets the gauges read at scrape time.
    func update(_ gauges: StoreGauges, disk: DiskSpace?, workers: Int, version: String, now: Date) {
        for state in JobState.allCases {
            CoreMetrics.Gauge(label: MetricCatalog.jobs.name, dimensions: [("state", state.rawValue)], factory: factory)
                .record(gauges.counts[state] ?? 0)
        }
        CoreMetrics.Gauge(label: MetricCatalog.queueDepth.name, factory: factory).record(gauges.counts[.queued] ?? 0)
        let age = gauges.oldestQueuedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
        CoreMetrics.Gauge(label: MetricCatalog.queueOldestAge.name, factory: factory).record(age.isFinite ? age : 0)
        CoreMetrics.Gauge(label: MetricCatalog.workers.name, factory: factory).record(workers)
        CoreMetrics.Gauge(label: MetricCatalog.databaseBytes.name, factory: factory).record(gauges.databaseBytes)
        CoreMetrics.Gauge(label: MetricCatalog.assetBytes.name, factory: factory).record(gauges.assetBytes)
        if let disk {
            CoreMetrics.Gauge(label: MetricCatalog.diskFree.name, factory: factory).record(disk.freeBytes)
            CoreMetrics.Gauge(label: MetricCatalog.diskSize.name, factory: factory).record(disk.totalBytes)
        }
        CoreMetrics.Gauge(label: MetricCatalog.buildInfo.name, dimensions: [("version", version)], factory: factory).record(1)
    }

    /// The text exposition (format 0.0.4) of everything recorded so far.
    func exposition() -> ByteBuffer {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return ByteBuffer(bytes: bytes)
    }
}
