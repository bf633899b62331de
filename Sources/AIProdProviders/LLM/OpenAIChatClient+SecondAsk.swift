import Logging

extension OpenAIChatClient {
    /// Asks `messages`; when `accept` refuses the answer, asks once more with the answer and
    /// the reason appended (`retry` words them), and when it refuses that one too, fails with
    /// `invalidPlan` naming both reasons. What a model gets wrong is usually fixed by being
    /// told what; a second miss means it cannot, and the stage falls back. Errors of the calls
    /// themselves (timeouts, malformed replies) are thrown as they come, without a second ask.
    func ask<Value>(
        _ messages: [ChatMessage], schema: JSONSchemaDocument?, purpose: String, session: ProviderSession,
        retry: ([ChatMessage], _ answer: String, AnswerRejection) -> [ChatMessage],
        accept: (ChatReply) throws(AnswerRejection) -> Value
    ) throws(ProviderError) -> Value {
        let first = try complete(messages, schema: schema, purpose: purpose, session: session)
        let rejection: AnswerRejection
        do throws(AnswerRejection) {
            return try accept(first)
        } catch {
            rejection = error
        }
        session.logger.notice("the model's \(purpose) was invalid; asking once more", metadata: [
            "provider": "\(name)", "reason": "\(rejection.reason)",
        ])
        let second = try complete(retry(messages, first.content, rejection), schema: schema, purpose: purpose, session: session)
        do throws(AnswerRejection) {
            return try accept(second)
        } catch {
            throw ProviderError(.invalidPlan, provider: name,
                                "the model's \(purpose) was invalid twice: \(error.reason) (the first time: \(rejection.reason))")
        }
    }
}
