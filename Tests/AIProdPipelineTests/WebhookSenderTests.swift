import AIProdCore
import AIProdPipeline
import AIProdProviders
import Foundation
import Testing

/// Webhook deliveries over real HTTP on loopback: signed, retried on 5xx with backoff, every
/// attempt reported.
@Suite("Webhook sender and HTTP client")
struct WebhookSenderTests {
    /// Fast retries, so the suite takes a fraction of a second. The deadline is generous: the
    /// whole test suite shares two cores, and a loopback reply can wait seconds for a thread.
    static func config(secret: String = "s3cret", attempts: Int = 5, timeout: Double = 60) -> WebhooksConfig {
        var config = WebhooksConfig()
        config.secret = secret
        config.maxAttempts = attempts
        config.backoffBaseSeconds = 0.05
        config.backoffCapSeconds = 0.1
        config.timeoutSeconds = timeout
        return config
    }

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [WebhookAttemptReport] = []
        func add(_ report: WebhookAttemptReport) { lock.withLock { items.append(report) } }
        var all: [WebhookAttemptReport] { lock.withLock { items } }
    }

    static let body = Data(#"{"id":"job_abc","state":"succeeded"}"#.utf8)

    @Test("retried on 500, stops at the first 2xx; signed; every attempt reported")
    func retriesUntilSuccess() async throws {
        let reports = Reports()
        let sender = WebhookSender(config: Self.config())
        let started = Date()
        let (outcome, deliveries) = try await WebhookReceiver.serving(statuses: [500, 503, 200, 500]) { receiver, base in
            let outcome = try await sender.deliver(Self.body, to: base + "/hook", event: WebhookSender.event(for: .succeeded),
                                                   delivery: "d-1", report: reports.add)
            return (outcome, await receiver.deliveries)
        }
        #expect(outcome == .delivered(attempt: 3))
        #expect(deliveries.count == 3, "no attempt after the success")
        // Backoff: 0.05 s then 0.1 s (capped) between the attempts.
        #expect(Date().timeIntervalSince(started) >= 0.15)
        #expect(reports.all.map(\.attempt) == [1, 2, 3])
        #expect(reports.all.map(\.status) == [500, 503, 200])
        #expect(reports.all.map(\.succeeded) == [false, false, true])
        #expect(reports.all.allSatisfy { $0.delivery == "d-1" && $0.url.hasSuffix("/hook") })
        for (index, delivery) in deliveries.enumerated() {
            #expect(delivery.body == Self.body)
            #expect(delivery.headers["x-aiprod-event"] == "job.succeeded")
            #expect(delivery.headers["x-aiprod-delivery"] == "d-1")
            #expect(delivery.headers["x-aiprod-attempt"] == String(index + 1))
            #expect(delivery.headers["content-type"] == "application/json")
            let signature = try #require(delivery.headers["x-aiprod-signature"])
            #expect(WebhookSignature.verify(signature, body: delivery.body, secret: "s3cret"))
            #expect(!WebhookSignature.verify(signature, body: delivery.body, secret: "other"))
            #expect(!WebhookSignature.verify(signature, body: delivery.body + Data(" ".utf8), secret: "s3cret"))
        }
    }

    @Test("the signature is HMAC-SHA256 of the body, in hex")
    func signatureValue() {
        // RFC 4231 test case 2.
        let signature = WebhookSignature.sign(Data("what do ya want for nothing?".utf8), secret: "Jefe")
        #expect(signature == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("gives up after max attempts; a 4xx other than 408/429 is not retried")
    func givesUp() async throws {
        let reports = Reports()
        let sender = WebhookSender(config: Self.config(secret: "", attempts: 3))
        let (failed, refused, unsigned) = try await WebhookReceiver.serving(statuses: [500, 500, 500, 404, 200]) { receiver, base in
            let failed = try await sender.deliver(Self.body, to: base + "/hook", event: "job.dead", report: reports.add)
            let refused = try await sender.deliver(Self.body, to: base + "/hook", event: "job.dead", report: reports.add)
            return (failed, refused, await receiver.deliveries)
        }
        #expect(failed == .failed(attempts: 3, lastError: "HTTP 500"))
        // The receiver refused the second body with a 404: sending it again cannot help.
        #expect(refused == .failed(attempts: 1, lastError: "HTTP 404"))
        #expect(reports.all.map(\.status) == [500, 500, 500, 404])
        #expect(unsigned.count == 4)
        #expect(unsigned.allSatisfy { $0.headers["x-aiprod-signature"] == nil }, "no secret: unsigned")
    }

    @Test("no reply: a refused connection and a timeout are reported and retried")
    func noReply() async throws {
        let reports = Reports()
        let sender = WebhookSender(config: Self.config(attempts: 2))
        let refused = try await sender.deliver(Self.body, to: "http://127.0.0.1:9/hook", event: "job.dead", report: reports.add)
        guard case .failed(attempts: 2, _) = refused else { Issue.record("\(refused)"); return }
        #expect(reports.all.count == 2 && reports.all.allSatisfy { $0.status == nil && $0.error != nil })

        let slow = Reports()
        let outcome = try await WebhookReceiver.serving(statuses: []) { _, base in
            try await WebhookSender(config: Self.config(attempts: 1, timeout: 1)).deliver(Self.body, to: base + "/slow", event: "job.dead",
                                                                                       report: slow.add)
        }
        guard case .failed(attempts: 1, let message) = outcome else { Issue.record("\(outcome)"); return }
        // Timed out, not answered: the 1 s deadline ended the attempt before the 20 s reply.
        #expect(message.hasPrefix("timed_out"), "\(message)")
    }

    @Test("cancelling the delivering task (shutdown) stops it mid-request, without retrying")
    func cancellation() async throws {
        let reports = Reports()
        let config = Self.config(attempts: 5)
        let sender = WebhookSender(config: config)
        let outcome = try await WebhookReceiver.serving(statuses: []) { _, base in
            let delivery = Task { try await sender.deliver(Self.body, to: base + "/slow", event: "job.dead", report: reports.add) }
            try await Task.sleep(nanoseconds: 300_000_000)
            delivery.cancel()
            return try await delivery.value
        }
        // Cancelled, not answered: the 20 s reply was not awaited, and nothing was retried.
        #expect(outcome == .cancelled(attempts: 1))
        #expect(reports.all.count == 1 && reports.all.first?.status == nil)
    }

    @Test("only http and https URLs: anything else is the caller's error, nothing sent", arguments: [
        "file:///etc/passwd", "ftp://example.com/x", "gopher://127.0.0.1/", "not a url", "http://", "/relative/hook",
    ])
    func refusesOtherSchemes(url: String) async {
        let reports = Reports()
        await #expect {
            try await WebhookSender(config: Self.config()).deliver(Self.body, to: url, event: "job.dead", report: reports.add)
        } throws: { error in
            (error as? HTTPClientError)?.category == .caller && (error as? HTTPClientError)?.errorCode == "unsupported_url"
        }
        #expect(reports.all.isEmpty)
    }

    @Test("the client caps the reply and does not follow redirects")
    func clientLimits() async throws {
        let client = HTTPClient(timeoutSeconds: 60, maxResponseBytes: 1_000)
        let (big, moved) = try await WebhookReceiver.serving(statuses: []) { _, base in
            let url = try #require(URL(string: base))
            let big = try await client.send(HTTPClientRequest(method: "POST", url: url.appendingPathComponent("big")))
            let moved = try await client.send(HTTPClientRequest(method: "POST", url: url.appendingPathComponent("moved")))
            return (big, moved)
        }
        #expect(big.status == 200 && big.truncated && big.body.count == 1_000)
        #expect(moved.status == 302 && moved.headers["location"] == "/hook")
    }

    @Test("backoff doubles up to the cap")
    func backoff() {
        var config = WebhooksConfig()
        config.backoffBaseSeconds = 5
        config.backoffCapSeconds = 30
        let sender = WebhookSender(config: config)
        #expect((1...5).map(sender.backoff(after:)) == [5, 10, 20, 30, 30])
        #expect(sender.backoff(after: 10_000) == 30)
    }
}
