import AIProdCore
import AIProdMedia

/// What a script render produced.
public struct StudioResult: Sendable {
    public var outputs: StudioOutputs
    public var plan: Plan
    public var timeline: Timeline
    public var render: RenderResult
    public var qa: QAReport
    /// Seconds each stage took, in order.
    public var stageSeconds: [(String, Double)]
}
