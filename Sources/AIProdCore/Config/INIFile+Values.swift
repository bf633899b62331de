/// Typed reads of one key, each refusing a value out of its range with a ``ConfigError``
/// naming the section and key (``ServiceConfig`` adds the file and line).
extension INIFile {
    /// A whole number in `range`, or nil when the key is absent.
    public func integer(_ section: String, _ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let text = value(section, key) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigError(section: section, key: key,
                              message: "must be a whole number in \(range.lowerBound)…\(range.upperBound), got \"\(text)\"")
        }
        return number
    }

    /// A decimal number in `range` (never NaN or infinite), or nil when the key is absent.
    public func number(_ section: String, _ key: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double? {
        guard let text = value(section, key) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw ConfigError(section: section, key: key,
                              message: "must be a number in \(range.lowerBound.configText)…\(range.upperBound.configText), got \"\(text)\"")
        }
        return number
    }

    /// `true|false` (also `yes|no`, `on|off`, `1|0`), or nil when the key is absent.
    public func boolean(_ section: String, _ key: String) throws(ConfigError) -> Bool? {
        guard let text = value(section, key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw ConfigError(section: section, key: key, message: "must be true or false, got \"\(text)\"")
        }
    }

    /// One of `Choice`'s raw values (case-insensitive), or nil when the key is absent.
    public func choice<Choice: RawRepresentable & CaseIterable>(
        _ section: String, _ key: String, as type: Choice.Type = Choice.self
    ) throws(ConfigError) -> Choice? where Choice.RawValue == String {
        guard let text = value(section, key) else { return nil }
        guard let choice = Choice(rawValue: text.lowercased()) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigError(section: section, key: key, message: "must be one of \(allowed), got \"\(text)\"")
        }
        return choice
    }

    /// A size in bytes in `range`: a whole number, optionally followed by `K`, `M` or `G`
    /// (powers of 1024); nil when the key is absent.
    public func byteCount(_ section: String, _ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let text = value(section, key) else { return nil }
        let invalid = ConfigError(section: section, key: key,
                                  message: "must be a size in bytes in \(range.lowerBound)…\(range.upperBound) (K, M, G suffixes allowed), got \"\(text)\"")
        var digits = Substring(text)
        var multiplier = 1
        if let last = digits.last, let scale = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30][last.lowercased()] {
            multiplier = scale
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number >= 0 else { throw invalid }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow, range.contains(bytes) else { throw invalid }
        return bytes
    }

    /// A non-empty string, or nil when the key is absent or empty.
    public func string(_ section: String, _ key: String) -> String? {
        guard let text = value(section, key), !text.isEmpty else { return nil }
        return text
    }
}

extension Double {
    /// `2` rather than `2.0` for whole numbers: how the config is written and printed.
    var configText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
