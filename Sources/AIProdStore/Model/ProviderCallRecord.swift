import Foundation

/// One call to a remote provider as the store keeps it (`provider_calls`), with the job it was
/// for. The pipeline's `ProviderCall` converts to it; the Store does not know the providers.
public struct ProviderCallRecord: Codable, Sendable, Hashable {
    public var provider: String
    /// `openai-chat`, `openai-speech`, …
    public var kind: String
    public var stage: String
    public var purpose: String
    public var startedAt: Date
    public var seconds: Double
    public var attempts: Int
    public var units: Double
    /// `tokens`, `characters`, …
    public var unit: String
    /// What it cost (0 unless it succeeded).
    public var usd: Double
    /// `succeeded`, `cached`, `failed` or `skipped`.
    public var outcome: String
    public var errorCode: String?
    public var message: String?
    /// The cost line's kind (`llm_tokens`, `tts_characters`): where the call's cost is booked.
    /// Not stored in `provider_calls` nor shown: the cost row has it.
    public var costKind: String

    enum CodingKeys: String, CodingKey {
        case provider, kind, stage, purpose, startedAt, seconds, attempts, units, unit, usd, outcome, errorCode, message
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provider = try c.decode(String.self, forKey: .provider)
        kind = try c.decode(String.self, forKey: .kind)
        stage = try c.decode(String.self, forKey: .stage)
        purpose = try c.decode(String.self, forKey: .purpose)
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        seconds = try c.decode(Double.self, forKey: .seconds)
        attempts = try c.decode(Int.self, forKey: .attempts)
        units = try c.decode(Double.self, forKey: .units)
        unit = try c.decode(String.self, forKey: .unit)
        usd = try c.decode(Double.self, forKey: .usd)
        outcome = try c.decode(String.self, forKey: .outcome)
        errorCode = try c.decodeIfPresent(String.self, forKey: .errorCode)
        message = try c.decodeIfPresent(String.self, forKey: .message)
        costKind = ""
    }

    public init(
        provider: String, kind: String, stage: String, purpose: String, startedAt: Date, seconds: Double, attempts: Int, units: Double,
        unit: String, usd: Double, outcome: String, errorCode: String?, message: String?, costKind: String
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
        self.costKind = costKind
    }
}
