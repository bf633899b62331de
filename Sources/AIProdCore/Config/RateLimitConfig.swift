/// `[rate_limit]`: token buckets per bearer token and per client address. A request takes one
/// token from its address's bucket and, once authenticated, one from its token's; an empty
/// bucket answers 429 with `Retry-After`. Addresses in `exempt_cidrs` are never limited.
public struct RateLimitConfig: ConfigSection {
    public static let sectionName = "rate_limit"
    /// Off by default: a single-studio install on localhost has no one to limit. Packaging that
    /// opens the API to a LAN turns it on.
    public var enabled = false
    /// Requests per second a token's bucket refills with.
    public var tokenRate = 10.0
    /// Requests a token may make at once (the bucket's size).
    public var tokenBurst = 60
    /// Requests per second an address's bucket refills with (every request, tokens or not).
    public var ipRate = 20.0
    /// Requests an address may make at once.
    public var ipBurst = 120
    /// Addresses never limited (monitoring, the studio's own tools).
    public var exemptCIDRs: [CIDRBlock] = []
    /// Buckets kept per kind; beyond it idle (full) buckets and then the longest-unused ones are
    /// dropped, so a flood of distinct addresses cannot grow memory without bound.
    public var maxTracked = 10_000

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = try ini.boolean(name, "enabled") { enabled = value }
        if let value = try ini.number(name, "token_rate", in: 0.001...1_000_000) { tokenRate = value }
        if let value = try ini.integer(name, "token_burst", in: 1...1_000_000) { tokenBurst = value }
        if let value = try ini.number(name, "ip_rate", in: 0.001...1_000_000) { ipRate = value }
        if let value = try ini.integer(name, "ip_burst", in: 1...1_000_000) { ipBurst = value }
        if let value = try ini.integer(name, "max_tracked", in: 16...10_000_000) { maxTracked = value }
        if let blocks = try ini.cidrBlocks(name, "exempt_cidrs") { exemptCIDRs = blocks }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("enabled", .boolean(enabled)),
            ConfigEntry("token_rate", .number(tokenRate)),
            ConfigEntry("token_burst", .integer(tokenBurst)),
            ConfigEntry("ip_rate", .number(ipRate)),
            ConfigEntry("ip_burst", .integer(ipBurst)),
            ConfigEntry("exempt_cidrs", .string(exemptCIDRs.map(\.description).joined(separator: ", "))),
            ConfigEntry("max_tracked", .integer(maxTracked)),
        ]
    }
}
