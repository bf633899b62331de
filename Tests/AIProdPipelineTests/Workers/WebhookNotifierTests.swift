import AIProdCore
import AIProdPipeline
import AIProdStore
import Foundation
import Testing

/// The notifier's settings swap while it runs (a SIGHUP reload): deliveries after the swap use
/// the new ones, and the swap names exactly the keys that changed.
@Suite("webhook notifier settings")
struct WebhookNotifierTests {
    @Test("update: the next delivery is signed with the new secret; the changed keys are named, none when nothing changed")
    func swapSettings() async throws {
        let fixture = try PoolFixture()
        let old = Self.config(secret: "old-secret", attempts: 5), new = Self.config(secret: "new-secret", attempts: 2)
        let notifier = WebhookNotifier(config: old, store: fixture.store, logger: PoolFixture.logger)

        let deliveries = try await WebhookReceiver.serving(statuses: []) { receiver, base in
            let job = try fixture.enqueue(JobSpec(script: "Hello.", preset: PipelineFixture.preset.name, webhookUrl: base + "/hook"))
            await notifier.jobEnded(job)
            #expect(notifier.update(old) == [], "the same settings: nothing changed")
            #expect(notifier.update(new) == ["webhooks.secret", "webhooks.max_attempts"])
            #expect(notifier.config == new)
            await notifier.jobEnded(job)
            return await receiver.deliveries
        }
        // Grouped by delivery: a slow machine may retry an attempt, and a retry keeps its
        // delivery's settings.
        let ids = deliveries.map { $0.headers["x-aiprod-delivery"] ?? "" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        try #require(ids.count == 2, "two deliveries: \(ids)")
        for (id, secret) in zip(ids, ["old-secret", "new-secret"]) {
            for delivery in deliveries where delivery.headers["x-aiprod-delivery"] == id {
                let signature = delivery.headers["x-aiprod-signature"] ?? ""
                #expect(WebhookSignature.verify(signature, body: delivery.body, secret: secret), "\(id) signed with \(secret)")
            }
        }
    }

    static func config(secret: String, attempts: Int) -> WebhooksConfig {
        var config = WebhooksConfig()
        config.secret = secret
        config.maxAttempts = attempts
        config.timeoutSeconds = 120  // a busy machine: no retry for slowness
        return config
    }
}
