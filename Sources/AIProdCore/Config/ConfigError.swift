/// A value in aiprod.ini that cannot be used: names the section and key, so the operator can
/// find the line.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var section: String
    public var key: String
    public var message: String

    public init(section: String, key: String, message: String) {
        self.section = section
        self.key = key
        self.message = message
    }

    public var description: String { "[\(section)] \(key): \(message)" }
}
