import AIProdStore
import Foundation
import Logging
import Testing
import AIProdTestSupport

/// `aiprod migrate` and `aiprod token …` on a real SQLite file in a scratch folder: what they
/// print, their exit codes, and what the store holds afterwards.
@Suite("aiprod migrate and token")
struct DaemonCommandTests {
    static func config(_ directory: ScratchDirectory) -> String {
        directory.write("[storage]\ndata_dir = \(directory.file("data"))\n", to: "aiprod.ini")
    }

    static func store(_ directory: ScratchDirectory) throws -> SQLiteStore {
        try SQLiteStore(path: directory.file("data/aiprod.sqlite3"),
                        logger: Logger(label: "cli-test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test("migrate creates the data folder and the database, and can run again")
    func migrate() throws {
        let directory = ScratchDirectory()
        let config = Self.config(directory)
        for _ in 0..<2 {
            let outcome = try AIProdBinary.run(["migrate", "--config", config], in: directory)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            #expect(outcome.stdout.contains("schema up to date"))
        }
        #expect(directory.contents(of: "data").contains("aiprod.sqlite3"))
        #expect(try Self.store(directory).integrityCheck() == "ok")
    }

    @Test("token create prints the secret once; list shows the token without it; revoke stops it")
    func tokenLife() throws {
        let directory = ScratchDirectory()
        let config = Self.config(directory)
        let created = try AIProdBinary.run(["token", "create", "--name", "ci", "--role", "producer", "--config", config], in: directory)
        #expect(created.status == 0, "stderr: \(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("aip_") && !secret.contains("\n"))
        let store = try Self.store(directory)
        let token = try #require(try store.authenticate(secret: secret, now: Date()), "the printed secret authenticates")
        #expect(token.name == "ci" && token.role == .producer)

        let listed = try AIProdBinary.run(["token", "list", "--config", config], in: directory)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains(token.id) && listed.stdout.contains("producer"))
        #expect(!listed.stdout.contains(secret), "the secret is never listed")

        let revoked = try AIProdBinary.run(["token", "revoke", token.id, "--config", config], in: directory)
        #expect(revoked.status == 0, "stderr: \(revoked.stderr)")
        #expect(try store.authenticate(secret: secret, now: Date()) == nil, "a revoked token no longer authenticates")
    }

    @Test("bad input exits 2 with the error named: an unknown token id, a bad config key, an empty name")
    func badInput() throws {
        let directory = ScratchDirectory()
        let config = Self.config(directory)
        let unknown = try AIProdBinary.run(["token", "revoke", "tok_nothere", "--config", config], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("not_found"), "stderr: \(unknown.stderr)")

        let badConfig = directory.write("[queue]\nmax_attempts = many\n", to: "bad.ini")
        let misconfigured = try AIProdBinary.run(["token", "list", "--config", badConfig], in: directory)
        #expect(misconfigured.status == 2)
        #expect(misconfigured.stderr.contains("max_attempts"), "stderr: \(misconfigured.stderr)")

        let empty = try AIProdBinary.run(["token", "create", "--name", "", "--role", "viewer", "--config", config], in: directory)
        #expect(empty.status == 2, "stderr: \(empty.stderr)")
        #expect(empty.stdout.isEmpty, "no secret printed")
    }
}
