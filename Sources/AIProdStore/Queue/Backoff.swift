/// The wait before a failed job's next attempt: doubling from `base` with each attempt, capped
/// at `cap`, with "equal jitter" (a random point in the upper half) so jobs that failed together
/// don't all come back in the same instant, while the wait still grows with each attempt.
public struct Backoff: Sendable, Hashable {
    public var base: Double
    public var cap: Double

    public init(base: Double, cap: Double) {
        self.base = base.isFinite ? max(0, base) : 0
        self.cap = cap.isFinite ? max(0, cap) : 0
    }

    /// The longest wait after the `attempt`-th attempt failed (from 1): `base · 2^(attempt-1)`,
    /// at most `cap`.
    public func ceiling(afterAttempt attempt: Int) -> Double {
        let exponent = min(max(attempt - 1, 0), 62)
        return min(cap, base * Double(sign: .plus, exponent: exponent, significand: 1))
    }

    /// A wait between half the ceiling and the ceiling; `unit` is a random number in 0…1.
    public func delay(afterAttempt attempt: Int, unit: Double) -> Double {
        let ceiling = ceiling(afterAttempt: attempt)
        let fraction = unit.isFinite ? min(max(unit, 0), 1) : 1
        return ceiling / 2 + ceiling / 2 * fraction
    }

    public func delay(afterAttempt attempt: Int) -> Double {
        delay(afterAttempt: attempt, unit: Double.random(in: 0...1))
    }
}
