/// One line of a cost: a kind of work (`compute_seconds`, later a provider's characters or
/// images), how many units, and their price.
public struct CostItem: Codable, Sendable, Hashable {
    public var kind: String
    public var units: Double
    public var usd: Double

    public init(kind: String, units: Double, usd: Double) {
        self.kind = kind
        self.units = units
        self.usd = usd
    }
}
