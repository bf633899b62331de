/// Typed reads of one key, each refusing a value out of its range with a ``ConfigError``.
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

    /// A non-empty string, or nil when the key is absent or empty.
    public func string(_ section: String, _ key: String) -> String? {
        guard let text = value(section, key), !text.isEmpty else { return nil }
        return text
    }
}
