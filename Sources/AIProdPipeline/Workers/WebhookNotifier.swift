import AIProdCore
import AIProdStore
import Foundation
import Logging

/// Announces a job's end to its `webhook_url` with the ``WebhookSender`` (signed, retried with
/// backoff) and records every attempt in the store, from a thread of its own (the sender's
/// report must not block, and a store write does). Its settings can be swapped while the
/// daemon runs (``update(_:)``, on SIGHUP); a delivery under way keeps the ones it started with.
public struct WebhookNotifier<Store: JobStore>: JobEndNotifier {
    private let senders: Swappable<WebhookSender>
    let store: Store
    let logger: Logger
    let metrics: PipelineMetrics
    private let thread: DedicatedThread

    public init(config: WebhooksConfig, store: Store, logger: Logger, metrics: PipelineMetrics = .disabled) {
        self.senders = Swappable(WebhookSender(config: config))
        self.store = store
        self.logger = logger
        self.metrics = metrics
        self.thread = DedicatedThread(name: "aiprod-webhooks", stackSize: 1 << 20)
    }

    /// The settings deliveries use now.
    public var config: WebhooksConfig { senders.current.config }

    /// Uses `config` for deliveries that start from now on; returns the `webhooks.<key>` names
    /// that changed (empty when none did, and then nothing is replaced).
    @discardableResult
    public func update(_ config: WebhooksConfig) -> [String] {
        let old = self.config
        guard old != config else { return [] }
        senders.replace(with: WebhookSender(config: config))
        return ConfigEntry.changedKeys(in: WebhooksConfig.sectionName, from: old.entries, to: config.entries)
    }

    public func jobEnded(_ job: JobRecord) async {
        guard let url = job.spec.webhookUrl else { return }
        let body: Data
        do {
            body = try JSONCoding.encoder.encode(job)
        } catch {
            logger.error("webhook body not encoded", metadata: ["job_id": "\(job.id)", "error": "\(error)"])
            return
        }
        var tagged = logger
        if let trace = job.traceID { tagged[metadataKey: "trace_id"] = "\(trace)" }
        let jobLogger = tagged
        // A span of ours under the caller's trace: the receiver sees the same trace id.
        let traceparent = job.traceID.flatMap { TraceParent(traceID: $0, parentID: TraceParent.newSpanID())?.description }
        let store = store, thread = thread, id = job.id, sender = senders.current
        do {
            let outcome = try await sender.deliver(body, to: url, event: WebhookSender.event(for: job.state),
                                                   traceparent: traceparent) { report in
                thread.submit {
                    do {
                        try store.recordWebhookAttempt(job: id, url: report.url, attempt: report.attempt, status: report.status,
                                                       error: report.error, now: report.at)
                    } catch {
                        jobLogger.warning("webhook attempt not recorded", metadata: ["job_id": "\(id)", "error": "\(error)"])
                    }
                }
            }
            metrics.webhookEnded(outcome)
            jobLogger.info("webhook done", metadata: ["job_id": "\(id)", "outcome": "\(outcome)"])
        } catch {
            jobLogger.warning("webhook not sent", metadata: ["job_id": "\(id)", "error": "\(error)"])
        }
    }
}
