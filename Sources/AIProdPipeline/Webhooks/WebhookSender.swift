import AIProdCore
import AIProdProviders
import Foundation

/// Announces a job's end to its `webhook_url`: a POST of the job's JSON with
///
/// - `Content-Type: application/json`
/// - `X-AIProd-Event: job.<state>` (`job.succeeded`, `job.dead`, `job.canceled`)
/// - `X-AIProd-Delivery: <uuid>`, the same for every attempt of one delivery (receivers dedupe)
/// - `X-AIProd-Attempt: <n>`
/// - `X-AIProd-Signature: sha256=<hex HMAC-SHA256 of the body under [webhooks] secret>` (absent
///   when no secret is configured)
///
/// Retried with exponential backoff (`backoff_base_seconds × 2^(n−1)`, at most
/// `backoff_cap_seconds`) up to `max_attempts`, on no reply, 5xx, 408 and 429; a 2xx ends it,
/// and any other status ends it too (the receiver refused this body; sending it again cannot
/// help). Every attempt is handed to `report` as it ends.
public struct WebhookSender: Sendable {
    public var config: WebhooksConfig
    public let client: HTTPClient

    public init(config: WebhooksConfig, client: HTTPClient? = nil) {
        self.config = config
        self.client = client ?? HTTPClient(timeoutSeconds: config.timeoutSeconds, maxResponseBytes: config.maxResponseBytes)
    }

    /// `job.<state>`.
    public static func event(for state: JobState) -> String { "job.\(state.rawValue)" }

    /// The delay before attempt `attempt + 1`, after `attempt` failed.
    public func backoff(after attempt: Int) -> Double {
        let exponent = Double(min(max(attempt - 1, 0), 62))
        return min(config.backoffBaseSeconds * pow(2, exponent), config.backoffCapSeconds)
    }

    /// Delivers `body` (the job's JSON) to `url`. Throws only for a URL that is not `http` or
    /// `https` (a caller error, before anything is sent); every other failure is an outcome.
    /// `report` must not block: hand the attempt to the store's own thread. `traceparent`, when
    /// the job came with a trace, is sent as is so the receiver joins the caller's trace.
    public func deliver(
        _ body: Data, to url: String, event: String, delivery: String = UUID().uuidString.lowercased(),
        traceparent: String? = nil, report: @Sendable (WebhookAttemptReport) -> Void
    ) async throws(HTTPClientError) -> WebhookOutcome {
        let target = try HTTPClient.validate(url)
        var headers = ["Content-Type": "application/json", "X-AIProd-Event": event, "X-AIProd-Delivery": delivery]
        if !config.secret.isEmpty { headers[WebhookSignature.header] = WebhookSignature.sign(body, secret: config.secret) }
        if let traceparent { headers["traceparent"] = traceparent }
        var lastError = ""
        for attempt in 1...max(config.maxAttempts, 1) {
            if attempt > 1 {
                do {
                    try await Task.sleep(nanoseconds: UInt64(backoff(after: attempt - 1) * 1e9))
                } catch {
                    return .cancelled(attempts: attempt - 1)
                }
            }
            headers["X-AIProd-Attempt"] = String(attempt)
            let retry: Bool
            do {
                let response = try await client.send(HTTPClientRequest(method: "POST", url: target, headers: headers, body: body))
                if response.isSuccess {
                    report(WebhookAttemptReport(delivery: delivery, url: url, attempt: attempt, status: response.status, error: nil, at: Date()))
                    return .delivered(attempt: attempt)
                }
                lastError = "HTTP \(response.status)"
                report(WebhookAttemptReport(delivery: delivery, url: url, attempt: attempt, status: response.status, error: lastError, at: Date()))
                retry = response.status >= 500 || response.status == 408 || response.status == 429
            } catch {
                lastError = error.description
                report(WebhookAttemptReport(delivery: delivery, url: url, attempt: attempt, status: nil, error: lastError, at: Date()))
                if error.code == .cancelled { return .cancelled(attempts: attempt) }
                retry = true
            }
            if !retry { return .failed(attempts: attempt, lastError: lastError) }
        }
        return .failed(attempts: max(config.maxAttempts, 1), lastError: lastError)
    }
}
