import AIProdProviders
import AIProdStore

extension ProviderCall {
    /// The store's row for this call.
    var record: ProviderCallRecord {
        ProviderCallRecord(
            provider: provider, kind: kind.rawValue, stage: stage.rawValue, purpose: purpose, startedAt: startedAt, seconds: seconds,
            attempts: attempts, units: units, unit: unit.rawValue, usd: usd, outcome: outcome.rawValue, errorCode: errorCode,
            message: message, costKind: unit.costKind)
    }
}
