/// `[storage]`: the one folder the daemon writes to (jobs, assets, temporary files and, by
/// default, the database).
public struct StorageConfig: ConfigSection {
    public static let sectionName = "storage"
    /// Relative paths are taken from the daemon's working directory.
    public var dataDirectory = "/var/lib/aiprod"

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        if let value = ini.string(Self.sectionName, "data_dir") { dataDirectory = value }
        else if ini.value(Self.sectionName, "data_dir") != nil {
            throw ConfigError(section: Self.sectionName, key: "data_dir", message: "must not be empty")
        }
    }

    public var entries: [ConfigEntry] { [ConfigEntry("data_dir", .string(dataDirectory))] }
}
