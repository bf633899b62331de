import AIProdCore
import AIProdPipeline
import AIProdProviders
import AIProdServer
import AIProdStore
import AIProdTestSupport
import Foundation
import Prometheus
import Testing

/// `/metrics` over real HTTP: the text parses strictly as Prometheus exposition, every metric
/// of the catalogue is there with its HELP and TYPE, request durations are labelled by route
/// template (never the raw path), and each server keeps its own registry (no process-global
/// bootstrap). Plus `[auth] allow_open_metrics` and `allow_open_health`.
@Suite("Server: /metrics")
struct MetricsTests {
    static let script = #"{"prompt": "The sea at dawn. Boats leave the harbour.", "title": "Dawn"}"#

    func scrape(_ server: TestServer) async throws -> PrometheusExposition {
        let response = try await server.client.send("GET", "/metrics", token: server.token(.viewer))
        #expect(response.status == 200)
        #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        return try PrometheusExposition(parsing: response.text)
    }

    @Test("parses strictly; every catalogue metric has HELP and TYPE; store gauges, build info and route templates")
    func exposition() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.version = "9.8.7-test"; $0.workerCount = 3 }) { server async throws in
            let run = try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: Self.script)
            #expect(run.status == 202)
            let missing = "job_" + String(repeating: "z", count: 26)
            #expect(try await server.client.send("GET", "/pipeline/\(missing)", token: server.token(.viewer)).status == 404)
            #expect(try await server.client.send("GET", "/no/such/\(missing)", token: server.token(.viewer)).status == 404)
            // What the workers record, through the same registry's factory.
            let pipeline = PipelineMetrics(factory: server.metrics.factory)
            pipeline.stageFinished(.render, seconds: 3)
            pipeline.stageFinished(.plan, seconds: 0.2)
            pipeline.rendered(videoSeconds: 6, renderSeconds: 3)
            pipeline.webhookEnded(.delivered(attempt: 1))
            pipeline.attemptEnded("succeeded")
            pipeline.jobCost(usd: 0.02)
            pipeline.providerCall(ProviderCall(provider: "kokoro", kind: .openAISpeech, stage: .narrate, purpose: "narration", startedAt: Date(),
                                               seconds: 0.4, attempts: 1, units: 120, unit: .characters, usd: 0.0018, outcome: .succeeded))

            let metrics = try await scrape(server)
            for description in MetricCatalog.all {
                let family = try #require(metrics.families[description.name], "\(description.name) missing")
                #expect(family.help == description.help, "\(description.name)")
                #expect(family.type == (description.buckets == nil ? (description.name.hasSuffix("_total") ? "counter" : "gauge") : "histogram"),
                        "\(description.name) is \(family.type)")
                #expect(!family.samples.isEmpty, "\(description.name) has no sample")
            }
            #expect(metrics.value("aiprod_jobs", ["state": "queued"]) == 1)
            #expect(metrics.value("aiprod_jobs", ["state": "succeeded"]) == 0)
            #expect(metrics.value("aiprod_queue_depth") == 1)
            #expect((metrics.value("aiprod_queue_oldest_age_seconds") ?? -1) >= 0)
            #expect(metrics.value("aiprod_workers") == 3)
            #expect(metrics.value("aiprod_build_info", ["version": "9.8.7-test"]) == 1)
            #expect((metrics.value("aiprod_database_bytes") ?? 0) > 0)
            let free = try #require(metrics.value("aiprod_disk_free_bytes"), "the data folder's free space")
            let size = try #require(metrics.value("aiprod_disk_size_bytes"))
            #expect(free >= 0 && size > 0 && free <= size)
            #expect(metrics.value("aiprod_asset_bytes") == 0)
            // The scrape itself is in flight while the registry is written out.
            #expect(metrics.value("aiprod_http_requests_in_flight") == 1)
            #expect(metrics.value("aiprod_stage_duration_seconds_count", ["stage": "render"]) == 1)
            #expect(metrics.value("aiprod_stage_duration_seconds_sum", ["stage": "render"]) == 3)
            #expect(metrics.value("aiprod_stage_duration_seconds_bucket", ["stage": "render", "le": "2.0"]) == 0)
            #expect(metrics.value("aiprod_stage_duration_seconds_bucket", ["stage": "render", "le": "5.0"]) == 1)
            #expect(metrics.value("aiprod_render_realtime_factor_sum") == 2)
            #expect(metrics.value("aiprod_webhook_deliveries_total", ["outcome": "delivered"]) == 1)

            let duration = "aiprod_http_request_duration_seconds_count"
            #expect(metrics.value(duration, ["route": "/pipeline/run", "method": "POST", "status": "202"]) == 1)
            #expect(metrics.value(duration, ["route": "/pipeline/{id}", "method": "GET", "status": "404"]) == 1)
            #expect(metrics.value(duration, ["route": "unmatched", "method": "GET", "status": "404"]) == 1)
            let routes = Set(metrics.samples(duration).compactMap { $0.labels["route"] })
            #expect(!routes.contains { $0.contains(missing) }, "a raw path became a label: \(routes)")
        }
    }

    @Test("a method the API does not use is counted as `other`, so outside text never becomes a label")
    func oddMethod() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            // A method HTTP parsers know (an unknown one never reaches the router) and the API does not use.
            let answer = try await server.client.send("PROPFIND", "/coffee-\(UUID().uuidString)", token: server.token(.viewer))
            #expect(answer.status == 404)
            let metrics = try await scrape(server)
            let samples = metrics.samples("aiprod_http_request_duration_seconds_count")
            #expect(samples.contains { $0.labels["route"] == "unmatched" && $0.labels["method"] == "other" })
            #expect(!samples.contains { $0.labels["method"] == "PROPFIND" || ($0.labels["route"] ?? "").contains("coffee") })
        }
    }

    @Test("two servers in one process keep their own registries")
    func separateRegistries() async throws {
        let first = ScratchDirectory(), second = ScratchDirectory()
        try await TestServer.withServer(first) { one async throws in
            try await TestServer.withServer(second) { two async throws in
                #expect(try await one.client.send("POST", "/pipeline/run", token: one.token(.producer), json: Self.script).status == 202)
                PipelineMetrics(factory: one.metrics.factory).stageFinished(.qa, seconds: 1)
                let seenByTwo = try await scrape(two)
                #expect(seenByTwo.value("aiprod_queue_depth") == 0)
                #expect(seenByTwo.samples("aiprod_http_request_duration_seconds_count").allSatisfy { $0.labels["route"] != "/pipeline/run" })
                #expect(seenByTwo.samples("aiprod_stage_duration_seconds_count").isEmpty)
                let seenByOne = try await scrape(one)
                #expect(seenByOne.value("aiprod_stage_duration_seconds_count", ["stage": "qa"]) == 1)
            }
        }
    }

    @Test("[auth] allow_open_metrics opens /metrics; allow_open_health = false closes /health")
    func openAndClosed() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.openMetrics = true; $0.openHealth = false }) { server async throws in
            let metrics = try await server.client.send("GET", "/metrics")
            #expect(metrics.status == 200)
            _ = try PrometheusExposition(parsing: metrics.text)
            let health = try await server.client.send("GET", "/health")
            #expect(health.status == 401)
            #expect(health.errorCode == "unauthorized")
            #expect(try await server.client.send("GET", "/health", token: server.token(.viewer)).status == 200)
        }
        let defaults = ScratchDirectory()
        try await TestServer.withServer(defaults) { server async throws in
            #expect(try await server.client.send("GET", "/metrics").status == 401)
            #expect(try await server.client.send("GET", "/health").status == 200)
        }
    }
}
