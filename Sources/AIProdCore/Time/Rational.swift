/// An exact rational number, used for every time and rate in a ``Timeline``.
///
/// Times are never `Double` seconds accumulated in a loop: a JSON `2.4` decodes to exactly
/// 12/5 s, a frame rate of `"30000/1001"` stays exact, and conversion to frames or samples
/// rounds once, at the end.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    /// Creates `numerator/denominator` reduced to lowest terms with a positive denominator.
    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int64, _ denominator: Int64 = 1) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let sign: Int64 = denominator < 0 ? -1 : 1
        let divisor = Swift.max(Rational.gcd(Swift.abs(numerator), Swift.abs(denominator)), 1)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    public init(_ value: Int) { self.init(Int64(value), 1) }

    public static let zero = Rational(0)

    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    public var isPositive: Bool { numerator > 0 }
    public var isNegative: Bool { numerator < 0 }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    /// This value, taken as seconds, in whole units of `1/rate` s, rounded half away from zero.
    /// `seconds.rounded(toUnitsOf: fps)` is a frame index; `rounded(toUnitsOf: 48000)` a sample index.
    public func rounded(toUnitsOf rate: Rational) -> Int64 {
        let product = self * rate
        let doubled = 2 * product.numerator + (product.numerator >= 0 ? product.denominator : -product.denominator)
        return doubled / (2 * product.denominator)
    }

    /// Seconds as whole samples at `sampleRate` Hz.
    public func samples(at sampleRate: Int) -> Int64 { rounded(toUnitsOf: Rational(Int64(sampleRate))) }

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
