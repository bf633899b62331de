import AIProdCore
import Foundation

/// One call to a remote provider, as recorded on its job (`GET /pipeline/{id}`'s
/// `provider_calls`, the job's cost, the audit log, `provider-calls.jsonl` in its folder).
public struct ProviderCall: Codable, Sendable, Hashable {
    /// The `[provider.NAME]`.
    public var provider: String
    public var kind: ProviderKind
    public var stage: StageName
    /// What the call was for: `script`, `plan`, `narration`.
    public var purpose: String
    public var startedAt: Date
    /// Wall seconds from the first attempt to the answer (or the last failure).
    public var seconds: Double
    /// Requests sent (0 for a cache hit or a skipped call).
    public var attempts: Int
    /// How much of `unit` the answer used: tokens the server reported, characters spoken.
    public var units: Double
    public var unit: ProviderUnit
    /// What it cost: `units` at the provider's price; 0 unless `succeeded`.
    public var usd: Double
    public var outcome: ProviderCallOutcome
    public var errorCode: String?
    public var message: String?

    public init(
        provider: String, kind: ProviderKind, stage: StageName, purpose: String, startedAt: Date, seconds: Double, attempts: Int,
        units: Double, unit: ProviderUnit, usd: Double, outcome: ProviderCallOutcome, errorCode: String? = nil, message: String? = nil
    ) {
        self.provider = provider
        self.kind = kind
        self.stage = stage
        self.purpose = purpose
        self.startedAt = startedAt
        self.seconds = seconds
        self.attempts = attempts
        self.units = units
        self.unit = unit
        self.usd = usd
        self.outcome = outcome
        self.errorCode = errorCode
        self.message = message
    }
}
