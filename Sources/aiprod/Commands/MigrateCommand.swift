import AIProdStore
import ArgumentParser
import Foundation
import Logging

/// `aiprod migrate`: brings the database's schema up to date and exits (`serve` does it too at
/// start; this is for a package's post-install step or a check before starting).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database's schema, then exit.")

    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let config = try daemon.load()
        try DaemonStore.prepareFolders(config)
        if let folder = try DaemonStore.backUpBeforeMigrating(config) {
            print("backed up before migrating: \(folder)")
        }
        do {
            try SQLiteStore.migrate(path: config.database.path)
        } catch {
            throw ExitCodes.report(error)
        }
        print("\(config.database.path): schema up to date")
    }
}
