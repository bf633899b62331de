import AIProdStore
import ArgumentParser
import Foundation

/// `aiprod restore FROM`: puts a backup's database back, with the daemon stopped. It takes the
/// data folder's lock first (so it refuses while the daemon runs), checks everything before it
/// swaps anything, and keeps the database it replaces.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup made by `aiprod backup` (stop the daemon first).",
        discussion: "Checks the manifest, every hash, the integrity and the schema before it swaps the database in. See docs/DAEMON.md.")

    @Argument(help: "The backup folder (as `aiprod backup` printed it).")
    var from: String

    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let config = try daemon.load()
        let outcome: BackupRestorer.Outcome
        do {
            let lock = try DataDirectoryLock(dataDirectory: config.storage.dataDirectory)
            outcome = try BackupRestorer(databasePath: config.database.path, dataDirectory: config.storage.dataDirectory)
                .restore(from: from, holding: lock)
        } catch {
            throw ExitCodes.report(error)
        }
        print("restored \(config.database.path) from \(from) (taken \(outcome.manifest.createdAt), schema \(outcome.manifest.schema.version))")
        if let previous = outcome.previousDatabase { print("the previous database is kept as \(previous)") }
        if outcome.filesPutBack > 0 { print("\(outcome.filesPutBack) asset and output file(s) put back") }
    }
}
