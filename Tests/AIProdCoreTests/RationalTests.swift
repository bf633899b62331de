import AIProdCore
import Foundation
import Testing

@Suite("Rational")
struct RationalTests {
    @Test("reduces to lowest terms with a positive denominator")
    func normalises() {
        let value = Rational(6, -4)
        #expect(value.numerator == -3)
        #expect(value.denominator == 2)
        #expect(Rational(0, 7) == .zero)
        #expect(Rational(2, 4) == Rational(1, 2))
    }

    @Test("parses decimals, exponents and fractions exactly", arguments: [
        ("2.4", Rational(12, 5)),
        ("12", Rational(12)),
        ("-0.375", Rational(-3, 8)),
        ("1e-3", Rational(1, 1000)),
        ("1.5E3", Rational(1500)),
        ("30000/1001", Rational(30000, 1001)),
        ("-7/2", Rational(-7, 2)),
        (" 0.5 ", Rational(1, 2)),
        ("0.50000000000000000000", Rational(1, 2)),
        ("0.1", Rational(1, 10)),
    ])
    func parses(text: String, expected: Rational) {
        #expect(Rational(parsing: text) == expected)
    }

    @Test("rejects what is not a number", arguments: [
        "", "abc", "1/0", "2.4s", "1e", "--1", "1/2/3", "one/two", "nan", "inf", "0x10", "-", "1e99",
        "99999999999999999999",
    ])
    func rejectsJunk(text: String) {
        #expect(Rational(parsing: text) == nil)
    }

    @Test("arithmetic and ordering are exact")
    func arithmetic() {
        let a = Rational(1, 3), b = Rational(1, 6)
        #expect(a + b == Rational(1, 2))
        #expect(a - b == Rational(1, 6))
        #expect(a * b == Rational(1, 18))
        #expect(a / b == Rational(2))
        #expect(b < a)
        #expect(Rational(-1, 2) < .zero)
        #expect(!(Rational(1, 2) < Rational(2, 4)))
        // 0.1 added ten times is exactly 1, unlike Double.
        var sum = Rational.zero
        for _ in 0..<10 { sum = sum + Rational(parsing: "0.1")! }
        #expect(sum == Rational(1))
    }

    @Test("rounds to frames half away from zero", arguments: [
        (Rational(1, 60), Rational(30), Int64(1)),  // 0.5 frame → 1
        (Rational(1, 61), Rational(30), Int64(0)),  // 0.49 frame → 0
        (Rational(-1, 60), Rational(30), Int64(-1)),  // -0.5 frame → -1
        (Rational(-1, 61), Rational(30), Int64(0)),
        (Rational(5, 2), Rational(1), Int64(3)),
        (Rational(-5, 2), Rational(1), Int64(-3)),
        (Rational(-7, 3), Rational(1), Int64(-2)),
        (Rational(10), Rational(30000, 1001), Int64(300)),  // 299.7 → 300
        (Rational(1001, 30000), Rational(30000, 1001), Int64(1)),
        (Rational(12, 5), Rational(25), Int64(60)),
    ])
    func roundsToFrames(seconds: Rational, fps: Rational, frames: Int64) {
        #expect(seconds.rounded(toUnitsOf: fps) == frames)
    }

    @Test("rounds to samples at 48 kHz")
    func roundsToSamples() {
        #expect(Rational(1).samples(at: 48_000) == 48_000)
        #expect(Rational(1, 30).samples(at: 48_000) == 1600)
        #expect(Rational(1001, 30000).samples(at: 48_000) == 1602)  // 1601.6
        #expect(Rational(1, 96_000).samples(at: 48_000) == 1)  // half a sample rounds up
        #expect(Rational(1, 96_001).samples(at: 48_000) == 0)
        #expect(Rational(6 * 3600).samples(at: 48_000) == 1_036_800_000)
    }

    @Test("encodes as an exact decimal when one exists, else as \"N/D\"", arguments: [
        (Rational(12, 5), "2.4"),
        (Rational(3), "3"),
        (Rational(-3, 8), "-0.375"),
        (Rational(1, 1000), "0.001"),
        (Rational(30000, 1001), "\"30000\\/1001\""),
        (Rational(1, 3), "\"1\\/3\""),
    ])
    func encodes(value: Rational, json: String) throws {
        let encoder = JSONEncoder()
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(text.replacingOccurrences(of: "\\/", with: "/") == json.replacingOccurrences(of: "\\/", with: "/"))
    }

    @Test("survives a JSON round trip unchanged", arguments: [
        Rational(12, 5), Rational(1, 3), Rational(30000, 1001), Rational(-3, 8), Rational(1, 1000),
        Rational(123_456_789, 100), Rational(0), Rational(7, 1024),
    ])
    func roundTrips(value: Rational) throws {
        let data = try JSONEncoder().encode([value])
        let decoded = try JSONDecoder().decode([Rational].self, from: data)
        #expect(decoded == [value])
    }

    @Test("decodes a JSON number from its digits, not through Double")
    func decodesNumbersExactly() throws {
        let decoded = try JSONDecoder().decode(
            [Rational].self, from: Data(#"[2.4, 0.1, 1e-3, 33.333, "30000/1001", -0.5]"#.utf8))
        #expect(decoded == [
            Rational(12, 5), Rational(1, 10), Rational(1, 1000), Rational(33333, 1000), Rational(30000, 1001),
            Rational(-1, 2),
        ])
    }

    @Test("rejects a string that is not a number")
    func decodingJunkThrows() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Rational].self, from: Data(#"["ten"]"#.utf8))
        }
    }
}
