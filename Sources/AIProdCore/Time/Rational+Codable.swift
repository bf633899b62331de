import Foundation

/// JSON form: a number of seconds (`2.5`, decoded exactly from its decimal digits) or a
/// string `"N/D"` (`"30000/1001"`). Encodes back as a plain decimal when one is exact.
extension Rational: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = Rational(parsing: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected a number or \"N/D\", got \"\(text)\"")
            }
            self = value
            return
        }
        let decimal = try container.decode(Decimal.self)
        guard let value = Rational(parsing: "\(decimal)") else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "number \(decimal) is out of range")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let decimal = exactDecimalString, let value = Decimal(string: decimal) {
            try container.encode(value)
        } else {
            try container.encode("\(numerator)/\(denominator)")
        }
    }

    /// Parses `"12"`, `"-0.375"`, `"1e-3"` or `"30000/1001"` exactly.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let slash = trimmed.firstIndex(of: "/") {
            guard let n = Int64(trimmed[..<slash]), let d = Int64(trimmed[trimmed.index(after: slash)...]), d != 0
            else { return nil }
            self.init(n, d)
            return
        }
        var mantissaText = trimmed.lowercased()
        var exponent = 0
        if let e = mantissaText.firstIndex(of: "e") {
            guard let exp = Int(mantissaText[mantissaText.index(after: e)...]) else { return nil }
            exponent = exp
            mantissaText = String(mantissaText[..<e])
        }
        var digits = mantissaText
        if let dot = mantissaText.firstIndex(of: ".") {
            let fraction = mantissaText[mantissaText.index(after: dot)...]
            exponent -= fraction.count
            digits = String(mantissaText[..<dot]) + fraction
        }
        // Drop trailing zeros of long fractions so that "0.50000000000000000000" stays in range.
        while exponent < 0, digits.hasSuffix("0"), digits.count > 1 {
            digits.removeLast()
            exponent += 1
        }
        guard !digits.isEmpty, digits != "-", digits != "+", let mantissa = Int64(digits),
              abs(exponent) <= 15
        else { return nil }
        var scale: Int64 = 1
        for _ in 0..<abs(exponent) { scale *= 10 }
        if exponent >= 0 {
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            self.init(product, 1)
        } else {
            self.init(mantissa, scale)
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
        let scaled = numerator * (scale / denominator)
        if places == 0 { return "\(scaled)" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = String(Swift.abs(scaled))
        let padded = String(repeating: "0", count: Swift.max(0, places + 1 - magnitude.count)) + magnitude
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<cut] + "." + padded[cut...]
    }
}
