import AIProdCore
import AIProdStore
import Foundation
import Hummingbird

/// `/health` (open), `/presets`, `/metrics` and `/openapi.json` (open).
struct InfoRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>
    let openAPI: ByteBuffer

    func register(on router: Router<APIRequestContext>) {
        router.get("/health") { _, _ in await health() }
        router.get("/presets") { _, _ in JSONResponse.make(PresetListView(presets: Preset.builtin.map(PresetView.init))) }
        router.get("/metrics") { _, _ in try await metrics() }
        let document = openAPI
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
        }
    }

    /// A cheap query stands for "the database answers" (`integrity_check` reads the whole file:
    /// far too slow for a probe polled every few seconds).
    func health() async -> Response {
        let counts = try? await services.store { try $0.counts() }
        let view = HealthView(
            status: counts == nil ? "degraded" : "ok", database: counts == nil ? "error" : "ok",
            workers: services.settings.workerCount, queueDepth: counts?[.queued] ?? 0, running: counts?[.running] ?? 0,
            version: services.settings.version
        )
        return JSONResponse.make(view, status: counts == nil ? .serviceUnavailable : .ok)
    }

    /// The store's gauges are read at each scrape (one read transaction), and the data
    /// folder's disk measured, then the whole registry is written out.
    func metrics() async throws -> Response {
        let gauges = try await services.store { try $0.gauges() }
        let folder = services.settings.dataDirectory
        let disk = try await services.blocking.run { DiskUsage.space(at: folder) }
        services.metrics.update(gauges, disk: disk, workers: services.settings.workerCount, version: services.settings.version, now: Date())
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: services.metrics.exposition()))
    }
}

struct HealthView: Encodable, Sendable {
    var status: String
    var database: String
    var workers: Int
    var queueDepth: Int
    var running: Int
    var version: String
}

/// What a client needs to pick a preset (the full value carries fonts and palettes).
struct PresetView: Encodable, Sendable {
    var name: String
    var summary: String
    var width: Int
    var height: Int
    var fps: Double
    var aspectRatio: String?

    init(_ preset: Preset) {
        name = preset.name
        summary = preset.summary
        width = preset.width
        height = preset.height
        fps = preset.fps.doubleValue
        aspectRatio = JobSpecValidator.aspectRatio(of: preset)?.rawValue
    }
}

struct PresetListView: Encodable, Sendable {
    var presets: [PresetView]
}
