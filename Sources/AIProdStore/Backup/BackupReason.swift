/// Why a backup was taken: recorded in its manifest, and a pre-migration backup's folder says so
/// in its name (the one an admin looks for after an upgrade went wrong).
public enum BackupReason: String, Codable, Sendable, Hashable {
    /// `aiprod backup`.
    case manual
    /// The daemon's own schedule (`[backup] daily`).
    case scheduled
    /// Before the daemon or `aiprod migrate` updated an older schema.
    case preMigration = "pre-migration"
}
