/// `[auth]`: which endpoints answer without a bearer token, and how the first admin token is
/// made on a fresh install.
public struct AuthConfig: ConfigSection {
    public static let sectionName = "auth"
    /// `GET /health` without a token (load balancers and `systemd` probes have none). It tells
    /// nothing about jobs: database, workers, queue depth, version.
    public var allowOpenHealth = true
    /// `GET /metrics` without a token; off by default, since job counts and timings are the
    /// studio's business.
    public var allowOpenMetrics = false
    /// When set and the database holds no token, the daemon creates an admin token at start and
    /// writes its secret to this file (mode 0600), once. Empty: make tokens with
    /// `aiprod token create`.
    public var bootstrapTokenFile: String?

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = try ini.boolean(name, "allow_open_health") { allowOpenHealth = value }
        if let value = try ini.boolean(name, "allow_open_metrics") { allowOpenMetrics = value }
        if let value = ini.string(name, "bootstrap_token_file") { bootstrapTokenFile = value }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("allow_open_health", .boolean(allowOpenHealth)),
            ConfigEntry("allow_open_metrics", .boolean(allowOpenMetrics)),
            ConfigEntry("bootstrap_token_file", ConfigValue(bootstrapTokenFile)),
        ]
    }
}
