/// `[database]`: the SQLite file that holds jobs, the queue, tokens and the audit log.
public struct DatabaseConfig: ConfigSection {
    public static let sectionName = "database"
    /// The SQLite file. Unset in the file: `<data_dir>/aiprod.sqlite3` (``ServiceConfig`` fills
    /// it in, since it depends on `[storage]`).
    public var path = "/var/lib/aiprod/aiprod.sqlite3"
    public var synchronous = DatabaseSynchronous.normal

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        if let value = ini.string(Self.sectionName, "path") { path = value }
        if let value = try ini.choice(Self.sectionName, "synchronous", as: DatabaseSynchronous.self) { synchronous = value }
    }

    public var entries: [ConfigEntry] {
        [ConfigEntry("path", .string(path)), ConfigEntry("synchronous", .string(synchronous.rawValue))]
    }
}
