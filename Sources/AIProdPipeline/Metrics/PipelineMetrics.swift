import AIProdCore
import AIProdProviders
import Metrics

/// What the workers report to `/metrics`: each stage's duration, the render's real-time factor
/// and each webhook delivery's outcome, through the swift-metrics API with the factory passed in
/// (never the process-global `MetricsSystem`, so a test process can run many pools, each with
/// a registry of its own). The factory is an existential because swift-metrics' handles take
/// one; it is only touched once per stage or delivery, never per frame.
public struct PipelineMetrics: Sendable {
    let factory: any MetricsFactory

    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Records nothing.
    public static let disabled = PipelineMetrics(factory: NOOPMetricsHandler.instance)

    /// A stage ran to its end in `seconds` (a stage skipped on resume is not timed again).
    public func stageFinished(_ stage: StageName, seconds: Double) {
        guard seconds.isFinite, seconds >= 0 else { return }
        Timer(label: MetricCatalog.stageDuration.name, dimensions: [("stage", stage.rawValue)], factory: factory)
            .recordSeconds(seconds)
    }

    /// The render stage made `videoSeconds` of video in `renderSeconds` of wall clock.
    public func rendered(videoSeconds: Double, renderSeconds: Double) {
        guard videoSeconds.isFinite, renderSeconds.isFinite, videoSeconds > 0, renderSeconds > 0 else { return }
        Recorder(label: MetricCatalog.renderRealtimeFactor.name, factory: factory).record(videoSeconds / renderSeconds)
    }

    /// An attempt at a job ended with `outcome` (`succeeded`, `failed`, `dead`, `canceled`).
    public func attemptEnded(_ outcome: String) {
        Counter(label: MetricCatalog.jobAttempts.name, dimensions: [("outcome", outcome)], factory: factory).increment()
    }

    /// A job succeeded having cost `usd` in all.
    public func jobCost(usd: Double) {
        guard usd.isFinite, usd >= 0 else { return }
        Recorder(label: MetricCatalog.jobCost.name, factory: factory).record(usd)
    }

    /// A provider call ended. `provider` is an operator-configured name: few values, a fine label.
    public func providerCall(_ call: ProviderCall) {
        let provider = ("provider", call.provider)
        Counter(label: MetricCatalog.providerCalls.name, dimensions: [provider, ("outcome", call.outcome.rawValue)], factory: factory).increment()
        if call.seconds.isFinite, call.seconds >= 0, call.outcome == .succeeded || call.outcome == .failed {
            Timer(label: MetricCatalog.providerCallDuration.name, dimensions: [provider], factory: factory).recordSeconds(call.seconds)
        }
        if call.usd.isFinite, call.usd > 0 {
            FloatingPointCounter(label: MetricCatalog.providerCost.name, dimensions: [provider], factory: factory).increment(by: call.usd)
        }
    }

    /// A delivery ended (every attempt counted as one delivery).
    public func webhookEnded(_ outcome: WebhookOutcome) {
        Counter(label: MetricCatalog.webhookDeliveries.name, dimensions: [("outcome", outcome.metricLabel)], factory: factory).increment()
    }
}

extension WebhookOutcome {
    /// `delivered`, `failed` or `cancelled`: few values, so a fine label.
    var metricLabel: String {
        switch self {
        case .delivered: "delivered"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }
}
