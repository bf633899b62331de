/// `[server]`: where the HTTP API listens and how much it reads from one request.
public struct ServerConfig: ConfigSection {
    public static let sectionName = "server"
    /// Address to bind: an IPv4 or IPv6 address or a host name. The default keeps the API on
    /// this machine; packaging opens it to the LAN.
    public var listen = "127.0.0.1"
    /// TCP port; 0 lets the system pick a free one (tests).
    public var port = 8080
    /// Largest JSON request body, in bytes (413 above it).
    public var maxBodyBytes = 8 << 20
    /// Largest asset upload, in bytes (413 above it).
    public var maxUploadBytes = 1 << 30

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = ini.string(name, "listen") {
            guard value.allSatisfy({ $0.isLetter || $0.isNumber || ".:-_[]%".contains($0) }) else {
                throw ConfigError(section: name, key: "listen", message: "must be an IP address or a host name, got \"\(value)\"")
            }
            listen = value
        } else if ini.value(name, "listen") != nil {
            throw ConfigError(section: name, key: "listen", message: "must not be empty")
        }
        if let value = try ini.integer(name, "port", in: 0...65_535) { port = value }
        if let value = try ini.byteCount(name, "max_body_bytes", in: 1_024...(1 << 30)) { maxBodyBytes = value }
        if let value = try ini.byteCount(name, "max_upload_bytes", in: 1_024...(1 << 40)) { maxUploadBytes = value }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("listen", .string(listen)),
            ConfigEntry("port", .integer(port)),
            ConfigEntry("max_body_bytes", .integer(maxBodyBytes)),
            ConfigEntry("max_upload_bytes", .integer(maxUploadBytes)),
        ]
    }
}
