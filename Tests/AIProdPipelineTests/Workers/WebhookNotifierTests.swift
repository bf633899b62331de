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

        let deliveries = try await WebhookReceiver.serving(statuses: [200, 200]) { receiver, base in
            let job = try fixture.enqueue(JobSpec(script: "Hello.", preset: PipelineFixture.preset.name, webhookUrl: base + "/hook"))
            await notifier.jobEnded(job)
            #expect(notifier.update(old) == [], "the same settings: nothing changed")
            #expect(notifier.update(new) == ["webhooks.secret", "webhooks.max_attempts"])
            #expect(notifier.config == new)
            await notifier.jobEnded(job)
            return await receiver.deliveries
        }
        try #require(deliveries.count == 2)
        let signatures = deliveries.map { $0.headers["x-aiprod-signature"] ?? "" }
        #expect(WebhookSignature.verify(signatures[0], body: deliveries[0].body, secret: "old-secret"))
        #expect(WebhookSignature.verify(signatures[1], body: deliveries[1].body, secret: "new-secret"))
        #expect(!WebhookSignature.verify(signatures[1], body: deliveries[1].body, secret: "old-secret"))
    }

    static func config(secret: String, attempts: Int) -> WebhooksConfig {
        var config = WebhooksConfig()
        config.secret = secret
        config.maxAttempts = attempts
        return config
    }
}
