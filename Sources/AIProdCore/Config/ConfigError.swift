/// A value in aiprod.ini (or an `AIPROD_…` variable over it) that cannot be used: names the
/// section and key and, once ``ServiceConfig`` has located it, the file and line or the
/// variable, so the operator can find the one place to fix.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var section: String
    public var key: String
    public var message: String
    /// The configuration file, when the error is about it or one of its lines.
    public var file: String?
    /// 1-based line of `file`.
    public var line: Int?
    /// The environment variable that set the value, when one did.
    public var variable: String?

    public init(section: String, key: String, message: String, file: String? = nil, line: Int? = nil, variable: String? = nil) {
        self.section = section
        self.key = key
        self.message = message
        self.file = file
        self.line = line
        self.variable = variable
    }

    /// `FILE:LINE: [section] key: message`, or `VARIABLE: [section] key: message`; the parts
    /// not known are left out.
    public var description: String {
        var parts: [String] = []
        if let variable {
            parts.append(variable)
        } else if let file {
            parts.append(line.map { "\(file):\($0)" } ?? file)
        }
        if !section.isEmpty || !key.isEmpty { parts.append(key.isEmpty ? "[\(section)]" : "[\(section)] \(key)") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

extension ConfigError: CategorizedError {
    public var errorCode: String { "invalid_config" }
    public var errorMessage: String { description }
    /// The variable when one set the value, else `section.key`.
    public var errorField: String? {
        if let variable { return variable }
        if section.isEmpty && key.isEmpty { return file }
        return key.isEmpty ? section : "\(section).\(key)"
    }
    /// A configuration is the operator's input: fixing it is theirs, and retrying cannot help.
    public var category: ErrorCategory { .caller }
}
