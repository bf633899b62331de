/// Reading rationals from text (JSON numbers, `"N/D"` strings, command-line options), bounded so
/// that a validated timeline's arithmetic cannot overflow.
///
/// Bounds: a magnitude of at most ``maxMagnitude`` (10⁹, about 31 years of seconds), and a
/// denominator of at most ``maxDenominator`` (705,600,000: the flick, which divides every common
/// frame and sample period — 1/24, 1001/30000, 1/48000, 1/44100 … — exactly). A decimal that is
/// not exact within those bounds (`2.1999999999999997`, `1e-300`) is rounded half away from zero
/// to the nearest flick: it meant a time, and a flick is finer than any frame or sample. An
/// explicit `"N/D"` is exact by intent, so one finer than a flick is refused instead.
extension Rational {
    public static let maxMagnitude: Int64 = 1_000_000_000
    public static let flicksPerSecond: Int64 = 705_600_000
    public static let maxDenominator: Int64 = flicksPerSecond

    /// Parses `"12"`, `"-0.375"`, `"1e-3"`, `"2.1999999999999997"` or `"30000/1001"` within the
    /// bounds above, or nil.
    public init?(parsing text: String) {
        guard let value = try? Rational.parse(text) else { return nil }
        self = value
    }

    /// Parses like ``init(parsing:)`` and says why not.
    public static func parse(_ text: String) throws(RationalParseError) -> Rational {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 4096 else { throw .malformed(String(text.prefix(40))) }
        if let slash = trimmed.firstIndex(of: "/") {
            return try parseFraction(numerator: trimmed[..<slash], denominator: trimmed[trimmed.index(after: slash)...], text: trimmed)
        }
        return try parseDecimal(trimmed)
    }

    /// Whether the value is within the decoding bounds (what a decoded value always is).
    public var isWithinDecodingBounds: Bool { denominator <= Self.maxDenominator && magnitudeIsWithinBounds }

    private static func parseFraction(numerator: Substring, denominator: Substring, text: String) throws(RationalParseError) -> Rational {
        func integer(_ part: Substring) throws(RationalParseError) -> Int64 {
            let digits = part.first == "-" || part.first == "+" ? part.dropFirst() : part
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .malformed(text) }
            guard let value = Int64(part) else { throw .outOfRange(text) }
            return value
        }
        let n = try integer(numerator), d = try integer(denominator)
        guard d != 0 else { throw .zeroDenominator(text) }
        guard let value = Rational(numerator: n, denominator: d) else { throw .outOfRange(text) }
        guard value.magnitudeIsWithinBounds else { throw .outOfRange(text) }
        guard value.denominator <= maxDenominator else { throw .tooFine(text) }
        return value
    }

    /// |value| ≤ maxMagnitude, compared exactly.
    var magnitudeIsWithinBounds: Bool {
        !(Rational(Self.maxMagnitude) < self) && !(self < Rational(-Self.maxMagnitude))
    }

    /// `[+-]digits[.digits][e[+-]digits]`, as JSON and Swift's `Double.description` write them.
    private static func parseDecimal(_ text: String) throws(RationalParseError) -> Rational {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []  // significant digits, without leading zeros
        var fractionDigits = 0
        var sawDigit = false, sawDot = false
        var exponent = 0
        while let byte = bytes.first {
            if byte >= 48, byte <= 57 {
                sawDigit = true
                if !(digits.isEmpty && byte == 48) { digits.append(byte - 48) }
                if sawDot { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawDot {
                sawDot = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                var exponentNegative = false
                if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                    exponentNegative = sign == UInt8(ascii: "-")
                    bytes = bytes.dropFirst()
                }
                guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .malformed(text) }
                for byte in bytes {
                    // Clamped: any exponent past a billion is as out of range (or as zero) as that.
                    exponent = Swift.min(exponent * 10 + Int(byte - 48), 1_000_000_000)
                }
                if exponentNegative { exponent = -exponent }
                bytes = bytes[bytes.endIndex...]
                break
            } else {
                throw .malformed(text)
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { throw .malformed(text) }
        // value = digits × 10^exponent, with no leading or trailing zeros in digits.
        exponent -= fractionDigits
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        guard !digits.isEmpty else { return .zero }
        // At least 10^(count - 1 + exponent): over 10^9 when count + exponent > 10.
        guard digits.count + exponent <= 10 else { throw .outOfRange(text) }
        // Keep 28 significant digits: enough for any time to a flick, and 10^28 × flicksPerSecond
        // still fits in Int128. Digits past that (only in hand-made input) are ignored.
        let kept = digits.prefix(28)
        exponent += digits.count - kept.count
        var mantissa: Int128 = 0
        for digit in kept { mantissa = mantissa * 10 + Int128(digit) }
        if negative { mantissa = -mantissa }

        let value: Rational?
        if exponent >= 0 {
            // count + exponent ≤ 10, so this is below 10^10.
            var scaled = mantissa
            for _ in 0..<exponent { scaled *= 10 }
            value = Rational(reducing: scaled, 1)
        } else if -exponent <= 36, let exact = Rational(reducing: mantissa, power10(-exponent)),
                  exact.denominator <= maxDenominator {
            value = exact
        } else {
            value = Rational(reducing: nearestFlick(mantissa, dividedByPowerOf10: -exponent), Int128(flicksPerSecond))
        }
        guard let value, value.magnitudeIsWithinBounds else { throw .outOfRange(text) }
        return value
    }

    private static func power10(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// round(mantissa × flicksPerSecond / 10^exponent), half away from zero; |mantissa| < 10^28.
    private static func nearestFlick(_ mantissa: Int128, dividedByPowerOf10 exponent: Int) -> Int128 {
        // mantissa × flicks < 10^37: with a divisor of 10^38 or more it rounds to 0.
        guard exponent <= 37 else { return 0 }
        let product = mantissa * Int128(flicksPerSecond)
        let divisor = power10(exponent)
        let quotient = product / divisor, remainder = product % divisor
        if remainder.magnitude >= divisor.magnitude - remainder.magnitude {
            return quotient + (product < 0 ? -1 : 1)
        }
        return quotient
    }
}
