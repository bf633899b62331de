import AIProdCore

/// What a job's remote providers are expected to cost before it runs: the first provider of
/// each chain the job would use, at its price, for the units the plan implies. The estimate is
/// deliberately the chain's first choice (the dearest case when fallbacks are local), and the
/// real cost is what the calls record.
public struct ProviderEstimate: Sendable {
    public var config: ServiceConfig

    public init(config: ServiceConfig) {
        self.config = config
    }

    /// Tokens a chat asks for beyond the text itself (instructions, the schema).
    static let promptOverheadTokens = 700.0
    /// A plan reply's tokens per scene (heading, mood, cues, visual line).
    static let tokensPerScene = 80.0

    /// The remote lines for `spec` planned as `plan`. Throws when the job names a provider
    /// that is not in the chain (a caller error naming `providers.planner`/`providers.voice`).
    public func lines(for spec: JobSpec, plan: Plan) throws(PipelineError) -> [CostLine] {
        var lines: [CostLine] = []
        let planners = try RemoteStudio.chain(config.studio.planner, from: spec.providers.planner, field: "providers.planner")
        let voices = try RemoteStudio.chain(config.studio.voice, from: spec.providers.voice, field: "providers.voice")
        guard spec.timeline == nil || spec.script != nil else { return [] }
        let text = plan.scenes.map(\.text).joined(separator: "\n")
        if let name = planners.first, let provider = config.providers[name] {
            var tokens = Self.promptOverheadTokens + Double(text.count) / 4 * 1.1 + Double(plan.scenes.count) * Self.tokensPerScene
            if let prompt = spec.prompt, spec.script == nil {
                let seconds = spec.duration?.doubleValue ?? 60
                let words = Double(config.studio.wordsPerMinute) * max(seconds, 1) / 60
                tokens += Self.promptOverheadTokens + Double(prompt.count) / 4 + words * 1.4
            }
            let units = tokens.rounded()
            lines.append(CostLine(kind: ProviderUnit.tokens.costKind, units: units, usd: provider.usd(units: units), provider: name))
        }
        if let name = voices.first, let provider = config.providers[name] {
            let characters = Double(text.count)
            lines.append(CostLine(kind: ProviderUnit.characters.costKind, units: characters, usd: provider.usd(units: characters), provider: name))
        }
        return lines
    }
}
