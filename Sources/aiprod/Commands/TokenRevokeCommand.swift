import AIProdStore
import ArgumentParser
import Foundation
import Logging

/// `aiprod token revoke ID`: the token stops working at once (its row stays, for the audit log).
struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id (see `aiprod token list`).")

    @Argument(help: "The token's id.")
    var id: String

    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let config = try daemon.load()
        let store = try DaemonStore.open(config, logger: Logger(label: "aiprod.token", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            let record = try store.revokeToken(id: id, now: Date())
            print("token \(record.id) (\(record.name)) revoked")
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
