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
        let visuals = try RemoteStudio.chain(config.studio.visuals, from: spec.providers.visuals, field: "providers.visuals")
        let motions = try RemoteStudio.chain(config.studio.motion, from: spec.providers.motion, field: "providers.motion")
        let effects = try RemoteStudio.chain(config.studio.effects, from: spec.providers.effects, field: "providers.effects")
        let music = try RemoteStudio.chain(config.studio.music, from: spec.providers.music, field: "providers.music")
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
        lines += remoteMediaLines(plan: plan, spec: spec, visuals: visuals, motions: motions, effects: effects, music: music)
        return lines
    }

    /// The first visuals provider for every scene (a picture or a search each; the job's own
    /// assets may spare some, which the estimate does not assume), the first motion provider
    /// for every scene's seconds, a search per sound cue, a piece per mood segment (one, at
    /// least).
    func remoteMediaLines(plan: Plan, spec: JobSpec, visuals: [String], motions: [String], effects: [String], music: [String]) -> [CostLine] {
        var lines: [CostLine] = []
        func add(_ name: String?, units: Double) {
            guard let name, let provider = config.providers[name], units > 0 else { return }
            lines.append(CostLine(kind: provider.kind.unit.costKind, units: units, usd: provider.usd(units: units), provider: name))
        }
        let scenes = Double(plan.scenes.count)
        add(visuals.first, units: scenes)
        if let first = motions.first, let provider = config.providers[first] {
            // Runway bills the clip it makes: 5 or 10 s per scene.
            let seconds = plan.scenes.reduce(0.0) { $0 + ($1.duration.doubleValue <= 5 ? 5 : 10) }
            add(provider.name, units: seconds)
        }
        if spec.effects { add(effects.first, units: Double(plan.scenes.reduce(0) { $0 + $1.soundCues.count })) }
        if spec.music.enabled { add(music.first, units: 1) }
        return lines
    }
}
