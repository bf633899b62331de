import Foundation

/// JSON form: a number of seconds (`2.5`, decoded exactly from its decimal digits, or rounded to
/// the nearest flick when not exact within the bounds of ``Rational/parse(_:)``) or a string
/// `"N/D"` (`"30000/1001"`). Encodes back as a plain decimal when one is exact.
extension Rational: Codable {
    /// Any finite JSON number is accepted and rounded within the bounds of
    /// ``Rational/parse(_:)``; one beyond them is a `dataCorrupted` error at this field (which
    /// ``TimelineDecoder`` reports as `invalid_value` naming it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else if let decimal = try? container.decode(Decimal.self) {
            // Exact digits when Foundation's Decimal holds them…
            text = "\(decimal)"
        } else {
            // …else (1e300, 1e-300: past Decimal's exponent range) the nearest Double, whose
            // description is the shortest text that reads back as it.
            text = "\(try container.decode(Double.self))"
        }
        do {
            self = try Rational.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let decimal = exactDecimalString, let value = Decimal(string: decimal) {
            try container.encode(value)
        } else {
            try container.encode("\(numerator)/\(denominator)")
        }
    }

    /// The value as a terminating decimal string, or nil when the denominator has other
    /// prime factors than 2 and 5.
    var exactDecimalString: String? {
        var d = denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        guard d == 1 else { return nil }
        let places = Swift.max(twos, fives)
        guard places <= 15 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale / denominator)
        guard !overflow else { return nil }
        if places == 0 { return "\(scaled)" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = String(scaled.magnitude)
        let padded = String(repeating: "0", count: Swift.max(0, places + 1 - magnitude.count)) + magnitude
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<cut] + "." + padded[cut...]
    }
}
