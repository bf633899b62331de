/// `[backup]`: where `aiprod backup` and the daemon put their copies, how many they keep, and
/// whether the daemon takes one on its own schedule.
public struct BackupConfig: ConfigSection {
    public static let sectionName = "backup"
    /// The folder that holds the timestamped backups. Unset in the file: `<data_dir>/backups`
    /// (``ServiceConfig`` fills it in, since it depends on `[storage]`). A copy on the same disk
    /// guards against mistakes, not against losing the disk: point it elsewhere for that.
    public var directory = "/var/lib/aiprod/backups"
    /// Backups kept after each new one (oldest pruned first); 0 keeps them all.
    public var keep = 7
    /// Whether the daemon takes backups itself, on ``schedule``.
    public var daily = false
    /// When the daemon's own backups run.
    public var schedule = BackupSchedule.dailyAt(hour: 3, minute: 0)

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = ini.string(name, "dir") { directory = value }
        if let value = try ini.integer(name, "keep", in: 0...10_000) { keep = value }
        if let value = try ini.boolean(name, "daily") { daily = value }
        if let text = ini.value(name, "at") {
            guard let value = BackupSchedule(text) else {
                throw ConfigError(section: name, key: "at",
                                  message: "must be a time of day HH:MM (00:00…23:59) or an interval such as 90s, 30m, 6h (1s…7d), got \"\(text)\"")
            }
            schedule = value
        }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("dir", .string(directory)),
            ConfigEntry("keep", .integer(keep)),
            ConfigEntry("daily", .boolean(daily)),
            ConfigEntry("at", .string(schedule.description)),
        ]
    }
}
