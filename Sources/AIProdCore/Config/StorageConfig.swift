/// `[storage]`: the one folder the daemon writes to (jobs, assets, temporary files and, by
/// default, the database), and the disk quotas that keep it from filling.
public struct StorageConfig: ConfigSection {
    public static let sectionName = "storage"
    /// Relative paths are taken from the daemon's working directory.
    public var dataDirectory = "/var/lib/aiprod"
    /// Largest a job's folder may grow, in bytes; over it the job fails (not retried). 0: no cap.
    public var maxJobBytes = 0
    /// Bytes of job folders and uploads created per UTC day; over it new jobs and uploads get
    /// 507 until midnight UTC. 0: no cap.
    public var maxBytesPerDay = 0
    /// Free space (statvfs on the data folder) below which new jobs and uploads get 507 rather
    /// than failing halfway. 0: never refuse.
    public var minFreeBytes = 0
    /// Bytes of remote providers' answers kept in `<data_dir>/cache/providers` (least recently
    /// used go first); 0: no cache, every call is paid again.
    public var providerCacheBytes = 2 << 30

    public init() {}

    /// `<data_dir>/cache/providers`.
    public var providerCacheDirectory: String {
        (dataDirectory.hasSuffix("/") ? dataDirectory : dataDirectory + "/") + "cache/providers"
    }

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = ini.string(name, "data_dir") { dataDirectory = value }
        else if ini.value(name, "data_dir") != nil {
            throw ConfigError(section: name, key: "data_dir", message: "must not be empty")
        }
        if let value = try ini.byteCount(name, "max_job_bytes", in: 0...(1 << 50)) { maxJobBytes = value }
        if let value = try ini.byteCount(name, "max_bytes_per_day", in: 0...(1 << 50)) { maxBytesPerDay = value }
        if let value = try ini.byteCount(name, "min_free_bytes", in: 0...(1 << 50)) { minFreeBytes = value }
        if let value = try ini.byteCount(name, "provider_cache_bytes", in: 0...(1 << 50)) { providerCacheBytes = value }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("data_dir", .string(dataDirectory)),
            ConfigEntry("max_job_bytes", .integer(maxJobBytes)),
            ConfigEntry("max_bytes_per_day", .integer(maxBytesPerDay)),
            ConfigEntry("min_free_bytes", .integer(minFreeBytes)),
            ConfigEntry("provider_cache_bytes", .integer(providerCacheBytes)),
        ]
    }
}
