import AIProdCore
import AIProdStore

/// The dry run the server needs from the studio: plan a spec (nothing rendered) and price it.
/// The server cannot plan by itself (the planner lives above it), so the daemon hands it one;
/// `POST /pipeline/plan`, `POST /cost/estimate` and the budget check of `POST /pipeline/run` call it.
/// Called on a thread-pool thread, never on an event loop.
public protocol JobPlanning: Sendable {
    /// - Parameters:
    ///   - spec: the request, already decoded and validated.
    ///   - preset: the preset the job will render with.
    ///   - secondsPerVideoSecond: this machine's measured speed for the preset, if known (ETA).
    /// - Throws: a ``CategorizedError``; caller errors become 4xx.
    func estimate(_ spec: JobSpec, preset: Preset, secondsPerVideoSecond: Double?) throws -> JobEstimate
}

/// A dry run's answer: the plan a person would review (nil for a timeline job) and its price.
public struct JobEstimate: Sendable, Hashable {
    public var plan: Plan?
    public var cost: CostEstimate

    public init(plan: Plan?, cost: CostEstimate) {
        self.plan = plan
        self.cost = cost
    }
}
