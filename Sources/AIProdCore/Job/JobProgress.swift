/// How far a running job is: its stage and the fraction of that stage done. What `GET
/// /pipeline/{id}` and the SSE stream report; the overall percentage weighs each stage by its
/// usual share of the wall time.
public struct JobProgress: Codable, Sendable, Hashable {
    public var stage: StageName
    /// 0…1 within the stage.
    public var fraction: Double

    public init(stage: StageName, fraction: Double) {
        self.stage = stage
        self.fraction = min(max(fraction.isFinite ? fraction : 0, 0), 1)
    }

    /// Share of a whole job's wall time each stage usually takes (render dominates).
    public static let stageWeights: [StageName: Double] = [
        .plan: 0.01, .narrate: 0.06, .foley: 0.03, .score: 0.05, .visuals: 0.04, .direct: 0.01, .render: 0.72, .qa: 0.07, .publish: 0.01,
    ]

    /// 0…100 over the whole job.
    public var percent: Double {
        let before = StageName.allCases.prefix(while: { $0 != stage }).reduce(0) { $0 + (Self.stageWeights[$1] ?? 0) }
        return min(100, (before + (Self.stageWeights[stage] ?? 0) * fraction) * 100)
    }
}
