import AIProdStore
import ArgumentParser
import Foundation
import Logging

/// `aiprod token create --name N --role admin|producer|viewer`: prints the secret, once (the
/// store keeps only its hash).
struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token and print its secret (shown this once only).",
        discussion: "Roles: viewer reads; producer also submits, cancels and uploads; admin also uses /admin/*.")

    @Option(help: "A name for the token: who or what uses it (shown in the audit log).")
    var name: String

    @Option(help: "viewer, producer or admin.")
    var role: TokenRole

    @OptionGroup var daemon: DaemonOptions

    func run() throws {
        let config = try daemon.load()
        let store = try DaemonStore.open(config, logger: Logger(label: "aiprod.token", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            let (secret, record) = try store.createToken(name: name, role: role, now: Date())
            print(secret)
            FileHandle.standardError.write(Data("token \(record.id) (\(record.name), \(record.role.rawValue)) created; the secret above is not shown again\n".utf8))
        } catch {
            throw ExitCodes.report(error)
        }
    }
}

extension TokenRole: ExpressibleByArgument {}
