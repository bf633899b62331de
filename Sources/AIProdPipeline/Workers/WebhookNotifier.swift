import AIProdCore
import AIProdStore
import Foundation
import Logging

/// Announces a job's end to its `webhook_url` with the ``WebhookSender`` (signed, retried with
/// backoff) and records every attempt in the store, from a thread of its own (the sender's
/// report must not block, and a store write does).
public struct WebhookNotifier<Store: JobStore>: JobEndNotifier {
    let sender: WebhookSender
    let store: Store
    let logger: Logger
    let metrics: PipelineMetrics
    private let thread: DedicatedThread

    public init(config: WebhooksConfig, store: Store, logger: Logger, metrics: PipelineMetrics = .disabled) {
        self.sender = WebhookSender(config: config)
        self.store = store
        self.logger = logger
        self.metrics = metrics
        self.thread = DedicatedThread(name: "aiprod-webhooks", stackSize: 1 << 20)
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
        let store = store, thread = thread, logger = logger, id = job.id
        do {
            let outcome = try await sender.deliver(body, to: url, event: WebhookSender.event(for: job.state)) { report in
                thread.submit {
                    do {
                        try store.recordWebhookAttempt(job: id, url: report.url, attempt: report.attempt, status: report.status,
                                                       error: report.error, now: report.at)
                    } catch {
                        logger.warning("webhook attempt not recorded", metadata: ["job_id": "\(id)", "error": "\(error)"])
                    }
                }
            }
            metrics.webhookEnded(outcome)
            logger.info("webhook done", metadata: ["job_id": "\(id)", "outcome": "\(outcome)"])
        } catch {
            logger.warning("webhook not sent", metadata: ["job_id": "\(id)", "error": "\(error)"])
        }
    }
}
