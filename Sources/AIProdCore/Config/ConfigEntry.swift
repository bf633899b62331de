/// One key of a section with its effective value; `isSecret` keys are redacted when printed.
public struct ConfigEntry: Sendable, Hashable {
    public var key: String
    public var value: ConfigValue
    public var isSecret: Bool

    public init(_ key: String, _ value: ConfigValue, secret: Bool = false) {
        self.key = key
        self.value = value
        self.isSecret = secret
    }

    /// The value to show: a set secret is `(redacted)`; an empty one stays empty, so the
    /// operator can still see whether it is set.
    public var redactedValue: ConfigValue {
        guard isSecret else { return value }
        if case .string(let text) = value, !text.isEmpty { return .redacted }
        return value
    }
}
