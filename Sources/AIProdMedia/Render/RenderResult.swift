/// What a finished render produced and how its soundtrack was mastered.
public struct RenderResult: Sendable, Hashable {
    public var path: String
    public var frames: Int64
    public var samples: Int64
    public var mastering: MasteringDecision
}
