/// A transition from the previous clip into this one, overlapping both by `duration`.
public struct Transition: Codable, Sendable, Hashable {
    public var kind: TransitionKind
    public var duration: Rational

    public init(kind: TransitionKind, duration: Rational) {
        self.kind = kind
        self.duration = duration
    }
}
