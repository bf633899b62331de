import AIProdCore
import AIProdStore

extension BackupMaker {
    /// The daemon's database and data folder, backed up into `directory` (default `[backup] dir`),
    /// stamped with this binary's version.
    init(_ config: ServiceConfig, to directory: String? = nil) {
        self.init(databasePath: config.database.path, dataDirectory: config.storage.dataDirectory,
                  backupDirectory: directory ?? config.backup.directory, aiprodVersion: AIProdVersion.current)
    }
}
