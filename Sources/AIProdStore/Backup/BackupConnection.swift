import GRDB

/// How backup, restore and the schema check open a database file: one plain connection (not the
/// daemon's pool), waiting for a writer rather than failing, and running no migration.
enum BackupConnection {
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.label = "aiprod.backup"
        configuration.busyMode = .timeout(30)
        return configuration
    }
}
