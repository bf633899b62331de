/// `[workers]`: how many jobs render at once. Each render already uses every core (libx264's
/// threads), so more workers mostly add memory; one per 4 cores is a fair start. 0 serves the
/// API only: jobs wait in the queue (for load tests, or a node that only takes requests).
public struct WorkersConfig: ConfigSection {
    public static let sectionName = "workers"
    public var count = 1

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        if let value = try ini.integer(Self.sectionName, "count", in: 0...64) { count = value }
    }

    public var entries: [ConfigEntry] { [ConfigEntry("count", .integer(count))] }
}
