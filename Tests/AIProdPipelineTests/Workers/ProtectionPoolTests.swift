import AIProdCore
import AIProdPipeline
import AIProdStore
import Foundation
import Testing

/// The worker side of issue 8's protections: the per-job disk quota and the trace id carried
/// from the submitting request to the webhook.
@Suite("Worker pool: job disk quota and trace id", .serialized)
struct ProtectionPoolTests {
    @Test("a job whose folder outgrows max_job_bytes fails dead with a clear message, not retried")
    func jobQuota() async throws {
        // Far below what any stage writes: the quota trips during the first stages.
        let fixture = try PoolFixture(maxJobBytes: 2_048)
        let job = try fixture.enqueue(maxAttempts: 3)
        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }
        #expect(ended.state == .dead, "\(ended.state) \(String(describing: ended.error))")
        #expect(ended.attempts == 1, "not retried")
        let error = try #require(ended.error)
        #expect(error.code == "job_disk_quota")
        #expect(error.message.contains("max_job_bytes (2048)"), "\(error.message)")
        #expect(error.category == .caller)
    }

    @Test("the job's trace id goes to its webhook as a traceparent header with a span of ours")
    func traceToWebhook() async throws {
        let fixture = try PoolFixture()
        let trace = "0af7651916cd43dd8448eb211c80319c"
        let notifier = WebhookNotifier(config: WebhooksConfig(), store: fixture.store, logger: PoolFixture.logger)
        let deliveries = try await WebhookReceiver.serving(statuses: [200, 200]) { receiver, base in
            // Dead at once (an asset that is not there): the end, not the render, is under test.
            let spec = JobSpec(script: "Hello.", preset: PipelineFixture.preset.name,
                               assetIds: [String(repeating: "ef", count: 32)], webhookUrl: base + "/hook")
            let traced = try fixture.store.enqueue(spec, options: EnqueueOptions(maxAttempts: 1, traceID: trace)).job
            let plain = try fixture.store.enqueue(spec, options: EnqueueOptions(maxAttempts: 1)).job
            #expect(traced.traceID == trace && plain.traceID == nil)
            return try await fixture.running(notifier: notifier) {
                _ = try await fixture.waitUntilEnded(traced.id)
                _ = try await fixture.waitUntilEnded(plain.id)
                var deliveries: [WebhookReceiver.Delivery] = []
                for _ in 0..<600 where deliveries.count < 2 {
                    try await Task.sleep(for: .milliseconds(50))
                    deliveries = await receiver.deliveries
                }
                return deliveries.map(\.headers)
            }
        }
        #expect(deliveries.count == 2)
        let header = try #require(deliveries.compactMap { $0["traceparent"] }.first)
        let parsed = try #require(TraceParent(header: header), "\(header)")
        #expect(parsed.traceID == trace)
        #expect(deliveries.filter { $0["traceparent"] == nil }.count == 1, "the job without a trace sends none")
    }
}
