/// What a job is expected to cost and take, from a dry-run plan and the `[costs]` model; stored
/// with the job so the API reports the figure the budget check used.
public struct CostEstimate: Codable, Sendable, Hashable {
    public var computeSeconds: Double
    public var usd: Double
    public var etaSeconds: Double
    public var items: [CostItem]

    public init(computeSeconds: Double, usd: Double, etaSeconds: Double, items: [CostItem]) {
        self.computeSeconds = computeSeconds
        self.usd = usd
        self.etaSeconds = etaSeconds
        self.items = items
    }
}
