/// A parsed INI file: `[section]` headers, `key = value` lines, `;` and `#` comments. Keys are
/// case-insensitive; a repeated key keeps its last value; malformed lines are errors with their
/// line number, so a typo in the config does not pass silently.
public struct INIFile: Sendable, Hashable {
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// section → key → value (sections and keys lower-cased).
    public private(set) var sections: [String: [String: String]] = [:]

    public init(parsing text: String) throws(ParseError) {
        var section = ""
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(line: number + 1, message: "a section header is written [name]")
                }
                section = String(line.dropFirst().dropLast()).trimmingWhitespace().lowercased()
                sections[section, default: [:]] = sections[section] ?? [:]
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(line: number + 1, message: "expected key = value, got \"\(line)\"")
            }
            let key = String(line[..<equals]).trimmingWhitespace().lowercased()
            var value = String(String(line[line.index(after: equals)...]).trimmingWhitespace())
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw ParseError(line: number + 1, message: "empty key") }
            sections[section, default: [:]][String(key)] = value
        }
    }

    public func value(_ section: String, _ key: String) -> String? {
        sections[section.lowercased()]?[key.lowercased()]
    }
}
