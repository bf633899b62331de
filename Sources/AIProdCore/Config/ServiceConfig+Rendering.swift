extension ServiceConfig {
    /// The effective configuration as INI text that ``parse(_:file:environment:)`` reads back
    /// (with `redacting: false`): every section and key, defaults included. `aiprod config check`
    /// prints it redacted.
    public func renderedINI(redacting: Bool = true) -> String {
        var lines: [String] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append("") }
            lines.append("[\(section.name)]")
            for entry in section.entries {
                let text = (redacting ? entry.redactedValue : entry.value).description
                let quoted = text != text.trimmingWhitespace() || (text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2)
                lines.append("\(entry.key) = \(quoted ? "\"\(text)\"" : text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// section → key → value, secrets redacted: the body of `GET /admin/config` (JSON-encodable).
    public var redactedDictionary: [String: [String: ConfigValue]] {
        var dictionary: [String: [String: ConfigValue]] = [:]
        for section in sections {
            dictionary[section.name] = Dictionary(uniqueKeysWithValues: section.entries.map { ($0.key, $0.redactedValue) })
        }
        return dictionary
    }
}
