import AIProdStore
import ArgumentParser
import Foundation

/// `aiprod backup`: a consistent copy of the database taken while the daemon serves, with the
/// assets and outputs it names and a manifest of their hashes, in a new timestamped folder.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back up the database, assets and outputs (safe while the daemon runs).",
        discussion: "Prints the new backup folder. See docs/DAEMON.md.")

    @OptionGroup var daemon: DaemonOptions

    @Option(help: "The folder to write the backup in; default: [backup] dir (pruned to [backup] keep).")
    var to: String?

    func run() throws {
        let config = try daemon.load()
        let directory = to ?? config.backup.directory
        let maker = BackupMaker(config, to: directory)
        let folder: String
        do {
            folder = try maker.make(reason: .manual)
        } catch {
            throw ExitCodes.report(error)
        }
        if to == nil { BackupRetention.prune(directory, keep: config.backup.keep) }
        BackupWarnings.reportMissing(in: folder)
        print(folder)
    }
}
