/// `[log]`: what the daemon logs (to stderr; systemd's journal takes it from there).
public struct LogConfig: ConfigSection {
    public static let sectionName = "log"
    public var level = LogLevel.info
    public var format = LogFormat.json

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        if let value = try ini.choice(Self.sectionName, "level", as: LogLevel.self) { level = value }
        if let value = try ini.choice(Self.sectionName, "format", as: LogFormat.self) { format = value }
    }

    public var entries: [ConfigEntry] {
        [ConfigEntry("level", .string(level.rawValue)), ConfigEntry("format", .string(format.rawValue))]
    }
}
