import AIProdCore
import AIProdPipeline
import AIProdStore
import AIProdTestSupport
import Foundation
import Prometheus
import Testing

/// What the workers record through swift-metrics, with a Prometheus registry of the test's own
/// passed in (nothing bootstrapped process-wide): a real job's stage durations and render
/// speed, and webhook outcomes.
@Suite("Worker pool: metrics", .serialized)
struct PipelineMetricsTests {
    func exposition(_ registry: PrometheusCollectorRegistry) throws -> PrometheusExposition {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return try PrometheusExposition(parsing: String(decoding: bytes, as: UTF8.self))
    }

    /// Checks `condition` every 50 ms for at most 60 s.
    func waitUntil(_ condition: () throws -> Bool) async throws {
        for _ in 0..<1_200 {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out")
    }

    @Test("a job that succeeds records one duration per stage, the render's real-time factor, its attempt, its cost and its delivered webhook")
    func succeededJob() async throws {
        let registry = PrometheusCollectorRegistry()
        let metrics = PipelineMetrics(factory: PrometheusMetricsFactory(registry: registry))
        let fixture = try PoolFixture(metrics: metrics)
        let notifier = WebhookNotifier(config: WebhooksConfig(), store: fixture.store, logger: PoolFixture.logger, metrics: metrics)
        let ended = try await WebhookReceiver.serving(statuses: [200]) { receiver, base in
            var spec = PipelineFixture.spec()
            spec.webhookUrl = base + "/hook"
            let job = try fixture.enqueue(spec)
            return try await fixture.running(notifier: notifier) {
                let ended = try await fixture.waitUntilEnded(job.id, timeout: .seconds(240))
                // The delivery follows the end.
                try await waitUntil { try !exposition(registry).samples("aiprod_webhook_deliveries_total").isEmpty }
                #expect(await receiver.deliveries.count == 1)
                return ended
            }
        }
        #expect(ended.state == .succeeded, "\(ended.error.map { "\($0.code): \($0.message)" } ?? "")")
        let text = try exposition(registry)
        for stage in StageName.allCases {
            #expect(text.value("aiprod_stage_duration_seconds_count", ["stage": stage.rawValue]) == 1, "\(stage)")
            #expect((text.value("aiprod_stage_duration_seconds_sum", ["stage": stage.rawValue]) ?? -1) >= 0, "\(stage)")
        }
        #expect(text.value("aiprod_render_realtime_factor_count") == 1)
        #expect((text.value("aiprod_render_realtime_factor_sum") ?? 0) > 0)
        #expect(text.value("aiprod_webhook_deliveries_total", ["outcome": "delivered"]) == 1)
        #expect(text.value("aiprod_job_attempts_total", ["outcome": "succeeded"]) == 1)
        #expect(text.value("aiprod_job_cost_usd_count") == 1)
    }

    @Test("a delivery the receiver refuses for good is counted as failed; a dead job counts a dead attempt, times no render, costs nothing")
    func failedDelivery() async throws {
        let registry = PrometheusCollectorRegistry()
        let metrics = PipelineMetrics(factory: PrometheusMetricsFactory(registry: registry))
        let fixture = try PoolFixture(metrics: metrics)
        var webhooks = WebhooksConfig()
        webhooks.maxAttempts = 1
        let notifier = WebhookNotifier(config: webhooks, store: fixture.store, logger: PoolFixture.logger, metrics: metrics)
        let ended = try await WebhookReceiver.serving(statuses: [500]) { _, base in
            // Dead at once (an asset that is not there): no stage runs.
            let job = try fixture.enqueue(JobSpec(script: "Hello.", preset: PipelineFixture.preset.name,
                                                  assetIds: [String(repeating: "ab", count: 32)], webhookUrl: base + "/hook"))
            return try await fixture.running(notifier: notifier) {
                let ended = try await fixture.waitUntilEnded(job.id)
                try await waitUntil { try !exposition(registry).samples("aiprod_webhook_deliveries_total").isEmpty }
                return ended
            }
        }
        #expect(ended.state == .dead)
        let text = try exposition(registry)
        #expect(text.value("aiprod_webhook_deliveries_total", ["outcome": "failed"]) == 1)
        #expect(text.value("aiprod_webhook_deliveries_total", ["outcome": "delivered"]) == nil)
        #expect(text.samples("aiprod_stage_duration_seconds_count").isEmpty)
        #expect(text.value("aiprod_job_attempts_total", ["outcome": "dead"]) == 1)
        #expect(text.value("aiprod_job_attempts_total", ["outcome": "succeeded"]) == nil)
        #expect(text.samples("aiprod_job_cost_usd_count").isEmpty)
        #expect(text.samples("aiprod_render_realtime_factor_count").isEmpty)
    }
}
