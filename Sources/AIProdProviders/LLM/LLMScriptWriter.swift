import AIProdCore
import AIProdStudio

/// Writes a narration script from a person's prompt with a chat model ("60 seconds on the
/// history of the Gull Rock lighthouse, calm, for families"). The answer is checked (language,
/// length, words only); an unusable one is explained to the model, which is asked once more.
/// Blocking: call it from the job's dedicated thread.
public struct LLMScriptWriter: Sendable {
    public let client: OpenAIChatClient

    public init(client: OpenAIChatClient) {
        self.client = client
    }

    /// Longest prompt sent, in characters: a prompt is a sentence or a paragraph; a script to
    /// narrate as is goes to the planner instead.
    public static let maxPromptCharacters = 20_000

    /// A prompt → a narration script in `language` (nil: the prompt's language, detected),
    /// about `targetSeconds` long at `wordsPerMinute` (±25 %), at most `maxCharacters`,
    /// plain paragraphs (optional `## headings`), no markup/stage directions. Validated
    /// (language, length, not empty, no markup); invalid → asked once more with the reason;
    /// still invalid → ProviderError(.invalidPlan).
    ///
    /// An empty or oversized prompt, or a length that cannot be asked for, is `unsupported`,
    /// before anything is sent.
    public func write(prompt: String, language: Language?, targetSeconds: Double, wordsPerMinute: Int,
                      maxCharacters: Int, session: ProviderSession) throws(ProviderError) -> WrittenScript {
        let trimmed = prompt.trimmingWhitespace()
        guard trimmed.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw ProviderError(.unsupported, provider: client.name, "the prompt is empty")
        }
        guard trimmed.count <= Self.maxPromptCharacters else {
            throw ProviderError(.unsupported, provider: client.name, "the prompt is over \(Self.maxPromptCharacters) characters")
        }
        guard targetSeconds.isFinite, (1...86_400).contains(targetSeconds), (1...1_000).contains(wordsPerMinute), maxCharacters >= 1 else {
            throw ProviderError(.unsupported, provider: client.name,
                                "cannot ask for \(targetSeconds) s at \(wordsPerMinute) words per minute in \(maxCharacters) characters")
        }
        let language = language ?? ScriptText.language(of: trimmed).language
        let length = ScriptPrompt.Length(targetSeconds: targetSeconds, wordsPerMinute: wordsPerMinute)
        let validator = ScriptReplyValidator(language: language, length: length, maxCharacters: maxCharacters)
        let messages = ScriptPrompt.messages(prompt: trimmed, language: language, length: length, maxCharacters: maxCharacters)
        return try client.ask(messages, schema: nil, purpose: "script", session: session,
                              retry: ScriptPrompt.retry) { reply throws(AnswerRejection) in
            try validator.script(from: reply.content)
        }
    }
}
