/// What a job is expected to cost and take, before it runs (`POST /cost/estimate`,
/// `POST /pipeline/plan`, and the budget check at submit). The Store keeps it with the job as a
/// `CostEstimate` (same fields).
public struct CostBreakdown: Codable, Sendable, Hashable {
    /// Seconds of this machine's time the render is expected to take.
    public var computeSeconds: Double
    /// Sum of `items`.
    public var usd: Double
    /// Seconds from start to finish once a worker takes the job (queue wait not included).
    public var etaSeconds: Double
    public var items: [CostLine]

    public init(computeSeconds: Double, usd: Double, etaSeconds: Double, items: [CostLine]) {
        self.computeSeconds = computeSeconds
        self.usd = usd
        self.etaSeconds = etaSeconds
        self.items = items
    }
}
