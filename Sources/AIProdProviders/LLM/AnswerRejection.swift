/// Why a model's answer (a plan, a script) was not taken: told to the model when it is asked once more,
/// and in the `invalidPlan` error when the second answer fails too.
struct AnswerRejection: Error, Sendable, Hashable {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
