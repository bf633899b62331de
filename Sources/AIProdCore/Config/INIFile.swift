/// A parsed INI file: `[section]` headers, `key = value` lines, `;` and `#` comments. Keys are
/// case-insensitive; a repeated key keeps its last value; malformed lines are errors with their
/// line number, so a typo in the config does not pass silently.
///
/// Every value remembers where it came from (``Origin``): a line of the file or an environment
/// variable laid over it, so an error about a value can point at the one place to fix it.
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

    /// Where a value was set.
    public enum Origin: Sendable, Hashable {
        /// A line of the file (1-based).
        case line(Int)
        /// An environment variable, by name.
        case environment(String)
    }

    /// section → key → value (sections and keys lower-cased).
    public private(set) var sections: [String: [String: String]] = [:]
    /// section → key → where its value was set.
    public private(set) var origins: [String: [String: Origin]] = [:]
    /// section → the line of its first header.
    public private(set) var sectionLines: [String: Int] = [:]

    public init() {}

    public init(parsing text: String) throws(ParseError) {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(line: number, message: "a section header is written [name]")
                }
                section = String(line.dropFirst().dropLast()).trimmingWhitespace().lowercased()
                sections[section, default: [:]] = sections[section] ?? [:]
                if sectionLines[section] == nil { sectionLines[section] = number }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(line: number, message: "expected key = value, got \"\(line)\"")
            }
            let key = String(line[..<equals]).trimmingWhitespace().lowercased()
            var value = String(String(line[line.index(after: equals)...]).trimmingWhitespace())
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw ParseError(line: number, message: "empty key") }
            set(section, key, to: value, from: .line(number))
        }
    }

    public func value(_ section: String, _ key: String) -> String? {
        sections[section.lowercased()]?[key.lowercased()]
    }

    /// Where `[section] key` was set; nil when it was not.
    public func origin(_ section: String, _ key: String) -> Origin? {
        origins[section.lowercased()]?[key.lowercased()]
    }

    /// Sets (or replaces) one value: how environment overrides are laid over the file.
    public mutating func set(_ section: String, _ key: String, to value: String, from origin: Origin) {
        let section = section.lowercased(), key = key.lowercased()
        sections[section, default: [:]][key] = value
        origins[section, default: [:]][key] = origin
    }
}
