/// `[webhooks]`: how a job's end is announced to its `webhook_url`.
public struct WebhooksConfig: ConfigSection {
    public static let sectionName = "webhooks"
    /// HMAC-SHA256 key of `X-AIProd-Signature`. Empty: deliveries are unsigned (no header).
    /// Redacted wherever the config is printed.
    public var secret = ""
    /// Seconds one delivery may take, connection included.
    public var timeoutSeconds = 10.0
    /// Deliveries tried before giving up (a 2xx reply ends them).
    public var maxAttempts = 5
    /// Delay before retry n: `backoff_base_seconds × 2^(n−1)`, at most `backoff_cap_seconds`.
    public var backoffBaseSeconds = 5.0
    public var backoffCapSeconds = 600.0
    /// Most bytes of a receiver's reply read (the rest is dropped).
    public var maxResponseBytes = 64 << 10

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = ini.value(name, "secret") { secret = value }
        if let value = try ini.number(name, "timeout_seconds", in: 0.1...300) { timeoutSeconds = value }
        if let value = try ini.integer(name, "max_attempts", in: 1...20) { maxAttempts = value }
        if let value = try ini.number(name, "backoff_base_seconds", in: 0...3_600) { backoffBaseSeconds = value }
        if let value = try ini.number(name, "backoff_cap_seconds", in: 0...86_400) { backoffCapSeconds = value }
        if let value = try ini.byteCount(name, "max_response_bytes", in: 0...(16 << 20)) { maxResponseBytes = value }
        guard backoffCapSeconds >= backoffBaseSeconds else {
            throw ConfigError(section: name, key: "backoff_cap_seconds",
                              message: "must not be below backoff_base_seconds (\(backoffBaseSeconds.configText))")
        }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("secret", .string(secret), secret: true),
            ConfigEntry("timeout_seconds", .number(timeoutSeconds)),
            ConfigEntry("max_attempts", .integer(maxAttempts)),
            ConfigEntry("backoff_base_seconds", .number(backoffBaseSeconds)),
            ConfigEntry("backoff_cap_seconds", .number(backoffCapSeconds)),
            ConfigEntry("max_response_bytes", .integer(maxResponseBytes)),
        ]
    }
}
