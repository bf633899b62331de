/// Why a model's plan answer was not taken: told to the model when it is asked once more,
/// and in the `invalidPlan` error when the second answer fails too.
struct PlanRejection: Error, Sendable, Hashable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
