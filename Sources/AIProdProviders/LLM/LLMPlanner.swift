import AIProdCore
import AIProdStudio

/// Plans a script with a chat model (`[studio] planner = NAME`): the model groups the script's
/// sentences into scenes and gives each a heading, mood, sound cues and a visual description;
/// the offline planner's rules do the rest, so the plan is the same JSON the offline planner
/// makes (plus `visual`), validated like any plan, and the narration is the script's, never
/// the model's.
///
/// An invalid answer is explained to the model, which is asked once more; a second invalid
/// answer is `invalidPlan`, and the plan stage falls back to the offline planner. Blocking:
/// call it from the job's dedicated thread.
public struct LLMPlanner: Sendable {
    public let client: OpenAIChatClient
    public let offline: OfflinePlanner

    public init(client: OpenAIChatClient, offline: OfflinePlanner) {
        self.client = client
        self.offline = offline
    }

    /// Longest speech in a scene of several sentences: half again the offline planner's
    /// limit (12 s), since a model judges length by eye.
    var maxSceneSeconds: Int { offline.targetSecondsPerScene * 3 / 2 }

    /// A script → a Plan, the same JSON the offline planner makes (plus `visual` per scene).
    /// The narration text is the script's, never the model's: send the script's sentences
    /// numbered (from the offline planner's segmentation) and ask for scenes as contiguous
    /// sentence ranges with heading, mood (Mood cases), sound cues (SoundCategory + keyword
    /// present in the scene) and a visual description; derive word counts, speech/pause
    /// seconds (pacing, targetDuration) and keywords as the offline planner does. Validate
    /// (coverage, order, ranges, enums, heading length, cue keywords, scene count bounds);
    /// invalid → ask once more including the validation error; still invalid →
    /// ProviderError(.invalidPlan, message: why). Deterministic for the same reply.
    ///
    /// A script the offline planner refuses (empty, too long) or a target duration out of
    /// range is `unsupported`, before anything is sent: the fallback then reports it as the
    /// offline planner does.
    public func plan(_ script: String, preset: Preset, seed: UInt64, targetDuration: Rational?,
                     session: ProviderSession) throws(ProviderError) -> Plan {
        let outline: ScriptOutline
        do throws(StudioError) {
            outline = try offline.outline(script)
            // Checked now, so that no tokens are spent on a plan that cannot be made.
            if let targetDuration { try offline.checkTargetDuration(targetDuration) }
        } catch {
            throw ProviderError(.unsupported, provider: client.name, "the script cannot be planned: \(error.errorMessage)")
        }
        let messages = PlanPrompt.messages(outline, sceneSeconds: offline.targetSecondsPerScene, maxSceneSeconds: maxSceneSeconds,
                                          wordsPerMinute: offline.wordsPerMinute)
        return try client.ask(messages, schema: PlanPrompt.schema, purpose: "plan", session: session,
                              retry: PlanPrompt.retry) { reply throws(AnswerRejection) in
            try plan(reply, outline: outline, preset: preset, seed: seed, targetDuration: targetDuration)
        }
    }

    /// The plan one answer gives, validated as the model's answer and then as a plan.
    func plan(_ reply: ChatReply, outline: ScriptOutline, preset: Preset, seed: UInt64,
              targetDuration: Rational?) throws(AnswerRejection) -> Plan {
        let validator = PlanReplyValidator(outline: outline, wordsPerMinute: offline.wordsPerMinute, maxSceneSeconds: maxSceneSeconds)
        let scenes = try validator.scenes(from: reply.json)
        let plan: Plan
        do throws(StudioError) {
            plan = try offline.plan(outline, scenes: scenes, preset: preset, seed: seed, targetDuration: targetDuration)
        } catch {
            throw AnswerRejection("the plan it makes is invalid: \(error.errorMessage)")
        }
        do throws(TimelineError) {
            try PlanValidator().validate(plan)
        } catch {
            throw AnswerRejection("the plan it makes is invalid: \(error.errorMessage)")
        }
        return plan
    }
}
