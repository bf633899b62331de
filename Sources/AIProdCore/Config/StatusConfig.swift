/// `[status]`: who may open the built-in `/status` page without a token, and how often it
/// reloads itself. With a token (header, or the cookie `/status?token=…` sets) anyone may.
public struct StatusConfig: ConfigSection {
    public static let sectionName = "status"
    /// Client addresses that see the page without a token. Empty by default: behind a reverse
    /// proxy every request comes from the proxy's address, so a loopback entry would open the
    /// page to the whole internet.
    public var allowCIDRs: [CIDRBlock] = []
    /// Seconds between the page's own reloads.
    public var refreshSeconds = 10

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let blocks = try ini.cidrBlocks(name, "allow_cidrs") { allowCIDRs = blocks }
        if let value = try ini.integer(name, "refresh_seconds", in: 1...3_600) { refreshSeconds = value }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("allow_cidrs", .string(allowCIDRs.map(\.description).joined(separator: ", "))),
            ConfigEntry("refresh_seconds", .integer(refreshSeconds)),
        ]
    }
}
