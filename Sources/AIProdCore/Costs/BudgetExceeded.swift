/// A job refused because its estimate would take the month's spend over `[budget] monthly_usd`.
public struct BudgetExceeded: CategorizedError, Hashable {
    public var estimateUsd: Double
    public var spentUsd: Double
    public var monthlyUsd: Double

    public init(estimateUsd: Double, spentUsd: Double, monthlyUsd: Double) {
        self.estimateUsd = estimateUsd
        self.spentUsd = spentUsd
        self.monthlyUsd = monthlyUsd
    }

    public var errorCode: String { "budget_exceeded" }
    public var errorMessage: String {
        "this job's estimated \(Self.dollars(estimateUsd)) on top of \(Self.dollars(spentUsd)) spent this month exceeds the monthly budget of \(Self.dollars(monthlyUsd)) ([budget] monthly_usd)"
    }
    public var errorField: String? { nil }
    /// The request is refused, not broken: it may pass next month or with a shorter video.
    public var category: ErrorCategory { .caller }

    static func dollars(_ value: Double) -> String {
        let cents = (value * 100).rounded()
        guard cents.isFinite, abs(cents) < 1e15 else { return "$\(value)" }
        let whole = Int(cents)
        let fraction = abs(whole % 100)
        return "$\(whole / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
