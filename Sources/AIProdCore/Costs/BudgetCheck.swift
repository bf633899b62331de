/// Refuses a job whose estimate would take this calendar month's spend over `[budget]
/// monthly_usd`. The caller reads the month's spend from the Store (`spend(monthOf:)`) in the
/// same transaction as the enqueue when it can, so two jobs cannot both squeeze under the cap.
public struct BudgetCheck: Sendable, Hashable {
    public var budget: BudgetConfig

    public init(budget: BudgetConfig) {
        self.budget = budget
    }

    /// Passes when there is no cap or `spent + estimate` stays within it (equal is allowed).
    public func check(estimateUsd: Double, spentUsd: Double) throws(BudgetExceeded) {
        guard budget.isCapped else { return }
        let estimate = CostModel.clean(estimateUsd), spent = CostModel.clean(spentUsd)
        guard spent + estimate <= budget.monthlyUsd else {
            throw BudgetExceeded(estimateUsd: estimate, spentUsd: spent, monthlyUsd: budget.monthlyUsd)
        }
    }
}
