/// One line of a cost: a kind of work (`compute_seconds`, later a provider's characters or
/// images), how many units, and their price.
public struct CostItem: Codable, Sendable, Hashable {
    public var kind: String
    public var units: Double
    public var usd: Double
    /// The `[provider.NAME]` that prices a remote unit; nil for compute.
    public var provider: String?

    public init(kind: String, units: Double, usd: Double, provider: String? = nil) {
        self.provider = provider
        self.kind = kind
        self.units = units
        self.usd = usd
    }
}
