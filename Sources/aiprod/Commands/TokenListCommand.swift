import AIProdStore
import ArgumentParser
import Foundation
import Logging

/// `aiprod token list`: one token a line (never a secret: the store does not have them).
struct TokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens (ids, names, roles; never secrets).")

    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let config = try daemon.load()
        let store = try DaemonStore.open(config, logger: Logger(label: "aiprod.token", factory: { _ in SwiftLogNoOpLogHandler() }))
        let tokens: [TokenRecord]
        do {
            tokens = try store.tokens()
        } catch {
            throw ExitCodes.report(error)
        }
        print(["ID", "NAME", "ROLE", "PREFIX", "CREATED", "LAST USED", "REVOKED"].joined(separator: "\t"))
        for token in tokens {
            print([token.id, token.name, token.role.rawValue, token.prefix, Self.text(token.createdAt), Self.text(token.lastUsedAt),
                   Self.text(token.revokedAt)].joined(separator: "\t"))
        }
    }

    private static func text(_ date: Date?) -> String {
        date.map { Date.ISO8601FormatStyle().format($0) } ?? "-"
    }
}
