/// Why a number or `"N/D"` text is not an acceptable ``Rational``.
public enum RationalParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a decimal number nor `N/D`.
    case malformed(String)
    /// `N/0`.
    case zeroDenominator(String)
    /// Beyond ±``Rational/maxMagnitude``, or terms that do not fit in `Int64`.
    case outOfRange(String)
    /// `N/D` with `D` over ``Rational/maxDenominator``: finer than a flick, and exact on purpose,
    /// so it is refused rather than rounded.
    case tooFine(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            "expected a number or \"N/D\", got \"\(text)\""
        case .zeroDenominator(let text):
            "\"\(text)\" has a zero denominator"
        case .outOfRange(let text):
            "\(text) is out of range (at most ±\(Rational.maxMagnitude))"
        case .tooFine(let text):
            "\"\(text)\" has a denominator over \(Rational.maxDenominator) (one flick, 1/\(Rational.flicksPerSecond) s)"
        }
    }
}
