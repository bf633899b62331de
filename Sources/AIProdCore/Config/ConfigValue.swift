/// One effective configuration value as it is printed: INI text for `aiprod config check`,
/// a JSON scalar for `/admin/config`.
public enum ConfigValue: Sendable, Hashable, Encodable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// An optional key left unset.
    case unset

    /// A secret's value: never printed, only whether it is set.
    public static let redacted = ConfigValue.string("(redacted)")

    /// The INI spelling, which ``INIFile`` reads back to the same value.
    public var description: String {
        switch self {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): number.configText
        case .boolean(let flag): flag ? "true" : "false"
        case .unset: ""
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .boolean(let flag): try container.encode(flag)
        case .unset: try container.encodeNil()
        }
    }
}

extension ConfigValue {
    /// `.unset` for nil.
    public init(_ text: String?) { self = text.map(ConfigValue.string) ?? .unset }
}
