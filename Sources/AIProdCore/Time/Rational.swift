/// An exact rational number, used for every time and rate in a ``Timeline``.
///
/// Times are never `Double` seconds accumulated in a loop: a JSON `2.4` decodes to exactly
/// 12/5 s, a frame rate of `"30000/1001"` stays exact, and conversion to frames or samples
/// rounds once, at the end.
///
/// Arithmetic is exact and checked: every operation works on 128-bit intermediates, reduces,
/// and only then asks whether the result fits in two `Int64`s. The `adding(_:)` family returns
/// nil when it does not; the operators (`+`, `-`, `*`, `/`) trap instead, so they are for
/// constants and for values a validator has already bounded (see ``TimelineValidator``). They
/// never wrap to a wrong value. Comparison never traps.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Always in lowest terms, with the sign here.
    public let numerator: Int64
    /// Always > 0.
    public let denominator: Int64

    /// Creates `numerator/denominator` reduced to lowest terms with a positive denominator, or
    /// nil when the denominator is 0 or the reduced value does not fit (`Int64.min / -1`).
    /// Use this for values from outside.
    public init?(numerator: Int64, denominator: Int64) {
        self.init(reducing: Int128(numerator), Int128(denominator))
    }

    /// Creates `numerator/denominator` reduced to lowest terms with a positive denominator.
    /// - Precondition: `denominator != 0` and the reduced value fits (only `Int64.min` over a
    ///   negative denominator does not). For constants; values from outside go through
    ///   ``init(numerator:denominator:)``.
    public init(_ numerator: Int64, _ denominator: Int64 = 1) {
        guard let value = Rational(numerator: numerator, denominator: denominator) else {
            preconditionFailure("Rational \(numerator)/\(denominator) has a zero denominator or does not fit in Int64")
        }
        self = value
    }

    public init(_ value: Int) { self.init(Int64(value), 1) }

    /// Reduces a 128-bit fraction; nil when the denominator is 0 or a reduced term does not fit.
    init?(reducing numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
        var n = numerator / Int128(divisor)
        var d = denominator / Int128(divisor)
        if d < 0 {
            n = -n
            d = -d
        }
        guard let n64 = Int64(exactly: n), let d64 = Int64(exactly: d) else { return nil }
        self.numerator = n64
        self.denominator = d64
    }

    public static let zero = Rational(0)

    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    public var isPositive: Bool { numerator > 0 }
    public var isNegative: Bool { numerator < 0 }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }

    // MARK: Checked arithmetic

    /// `self + other`, or nil when the exact result does not fit.
    public func adding(_ other: Rational) -> Rational? {
        let (n, overflow) = (Int128(numerator) * Int128(other.denominator))
            .addingReportingOverflow(Int128(other.numerator) * Int128(denominator))
        guard !overflow else { return nil }
        return Rational(reducing: n, Int128(denominator) * Int128(other.denominator))
    }

    /// `self - other`, or nil when the exact result does not fit.
    public func subtracting(_ other: Rational) -> Rational? {
        let (n, overflow) = (Int128(numerator) * Int128(other.denominator))
            .subtractingReportingOverflow(Int128(other.numerator) * Int128(denominator))
        guard !overflow else { return nil }
        return Rational(reducing: n, Int128(denominator) * Int128(other.denominator))
    }

    /// `self × other`, or nil when the exact result does not fit.
    public func multiplied(by other: Rational) -> Rational? {
        Rational(reducing: Int128(numerator) * Int128(other.numerator), Int128(denominator) * Int128(other.denominator))
    }

    /// `self ÷ other`, or nil when `other` is 0 or the exact result does not fit.
    public func divided(by other: Rational) -> Rational? {
        Rational(reducing: Int128(numerator) * Int128(other.denominator), Int128(denominator) * Int128(other.numerator))
    }

    /// This value, taken as seconds, in whole units of `1/rate` s, rounded half away from
    /// zero, or nil when that count does not fit in `Int64`.
    public func checkedRounded(toUnitsOf rate: Rational) -> Int64? {
        let n = Int128(numerator) * Int128(rate.numerator)
        let d = Int128(denominator) * Int128(rate.denominator)
        let quotient = n / d, remainder = n % d
        var result = quotient
        // |remainder| ≥ d/2, compared without doubling: |r| ≥ d − |r|.
        if remainder.magnitude >= d.magnitude - remainder.magnitude {
            result += n < 0 ? -1 : 1
        }
        return Int64(exactly: result)
    }

    /// `checkedRounded(toUnitsOf:)` for values a validator has bounded.
    /// `seconds.rounded(toUnitsOf: fps)` is a frame index; `rounded(toUnitsOf: 48000)` a sample index.
    /// - Precondition: the result fits in `Int64`.
    public func rounded(toUnitsOf rate: Rational) -> Int64 {
        guard let units = checkedRounded(toUnitsOf: rate) else {
            preconditionFailure("\(self) in units of 1/\(rate) does not fit in Int64")
        }
        return units
    }

    /// Seconds as whole samples at `sampleRate` Hz.
    public func samples(at sampleRate: Int) -> Int64 { rounded(toUnitsOf: Rational(Int64(sampleRate))) }

    // MARK: Operators (trap when the exact result does not fit; never wrap)

    public static func + (a: Rational, b: Rational) -> Rational { checked(a.adding(b), a, "+", b) }
    public static func - (a: Rational, b: Rational) -> Rational { checked(a.subtracting(b), a, "-", b) }
    public static func * (a: Rational, b: Rational) -> Rational { checked(a.multiplied(by: b), a, "*", b) }
    public static func / (a: Rational, b: Rational) -> Rational { checked(a.divided(by: b), a, "/", b) }

    /// Exact, on 128-bit cross products (each fits: |Int64 × Int64| < 2^126); never traps.
    public static func < (a: Rational, b: Rational) -> Bool {
        Int128(a.numerator) * Int128(b.denominator) < Int128(b.numerator) * Int128(a.denominator)
    }

    private static func checked(_ result: Rational?, _ a: Rational, _ op: String, _ b: Rational) -> Rational {
        guard let result else { preconditionFailure("Rational \(a) \(op) \(b) does not fit in Int64") }
        return result
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return Swift.max(x, 1)
    }
}
