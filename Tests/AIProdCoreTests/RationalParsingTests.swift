import AIProdCore
import Testing

@Suite("Rational parsing bounds")
struct RationalParsingTests {
    func failure(_ text: String) -> RationalParseError? {
        do {
            _ = try Rational.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("huge magnitudes are out of range, not traps", arguments: [
        "1e300", "-1e300", "1e+300", "1e999999999999999999999", "9223372036854775807/3", "-9223372036854775808/1",
        "9223372036854775807/1", "99999999999999999999/1", "123456789012345678901234567890", "1000000000.5",
        "1000000001",
    ])
    func outOfRange(text: String) {
        #expect(failure(text) == .outOfRange(text))
    }

    @Test("the largest magnitudes accepted")
    func bounds() throws {
        #expect(try Rational.parse("1e9") == Rational(1_000_000_000))
        #expect(try Rational.parse("-1000000000") == Rational(-1_000_000_000))
        #expect(try Rational.parse("1/705600000") == Rational(1, 705_600_000))
    }

    @Test("a zero denominator and an explicit fraction finer than a flick are refused")
    func fractions() {
        #expect(failure("30000/0") == .zeroDenominator("30000/0"))
        #expect(failure("1/1000000007") == .tooFine("1/1000000007"))
        for text in ["abc", "1e", "--1", "1/x", "1.2.3", "", "/", "1/", "0x10", "nan", "inf"] {
            #expect(failure(text) == .malformed(text), "\(text)")
        }
    }

    @Test("decimals that are not exact within the bounds round to the nearest flick")
    func flickRounding() throws {
        #expect(try Rational.parse("2.1999999999999997") == Rational(11, 5))
        #expect(try Rational.parse("0.30000000000000004") == Rational(3, 10))
        #expect(try Rational.parse("1e-300") == .zero)
        #expect(try Rational.parse("-1e-300") == .zero)
        #expect(try Rational.parse("0." + String(repeating: "3", count: 1000)) == Rational(1, 3))
        // Exact decimals stay exact: 8 places fit under the flick bound.
        #expect(try Rational.parse("0.00000001") == Rational(1, 100_000_000))
        #expect(try Rational.parse("-0.375") == Rational(-3, 8))
        #expect(try Rational.parse("1.5e-3") == Rational(3, 2000))
        // 1e-9 s is 0.7056 flick: one flick.
        #expect(try Rational.parse("1e-9") == Rational(1, 705_600_000))
    }
}
