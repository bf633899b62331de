import Foundation
import Testing
import AIProdTestSupport

/// `aiprod config check FILE`, run as an operator runs it before restarting the daemon.
@Suite("aiprod config check")
struct ConfigCLITests {
    static let shipped = #filePath.components(separatedBy: "/Tests/")[0] + "/etc/aiprod.ini"

    @Test("the shipped file is valid: exit 0 and the effective configuration, secrets redacted")
    func shippedFile() throws {
        let directory = ScratchDirectory()
        let outcome = try AIProdBinary.run(["config", "check", Self.shipped], in: directory,
                                           environment: ["AIPROD_WEBHOOKS_SECRET": "from-the-env", "AIPROD_SERVER_PORT": "9191"])
        #expect(outcome.reason == .exit && outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("[server]\nlisten = 127.0.0.1\nport = 9191\n"))
        #expect(outcome.stdout.contains("secret = (redacted)\n"))
        #expect(!outcome.stdout.contains("from-the-env"))
        #expect(outcome.stdout.contains("[database]\npath = /var/lib/aiprod/aiprod.sqlite3\n"))
        for section in ["server", "storage", "database", "workers", "queue", "render", "studio", "limits", "auth", "costs", "budget", "webhooks", "log"] {
            #expect(outcome.stdout.contains("[\(section)]\n"))
        }
        #expect(try AIProdBinary.run(["config", "check", "--quiet", Self.shipped], in: directory).stdout.isEmpty)
    }

    @Test("a bad file: exit 2 with FILE:LINE: [section] key: message")
    func badFile() throws {
        let directory = ScratchDirectory()
        directory.write("[server]\nport = 8080\n\n[queue]\nlease_seconds = soon\n", to: "bad.ini")
        let bad = try AIProdBinary.run(["config", "check", "bad.ini"], in: directory)
        #expect(bad.reason == .exit && bad.status == 2)
        #expect(bad.stderr.contains("bad.ini:5: [queue] lease_seconds: must be a number"), "stderr: \(bad.stderr)")
        #expect(bad.stdout.isEmpty)

        directory.write("[server]\nport = 8080\n[serve]\n", to: "unknown.ini")
        let unknown = try AIProdBinary.run(["config", "check", "unknown.ini"], in: directory)
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown.ini:3: [serve]: unknown section"), "stderr: \(unknown.stderr)")

        let missing = try AIProdBinary.run(["config", "check", "nowhere.ini"], in: directory)
        #expect(missing.status == 2 && missing.stderr.contains("nowhere.ini: configuration file not found"), "stderr: \(missing.stderr)")
    }

    @Test("an unknown AIPROD_ variable: exit 2 naming it")
    func unknownVariable() throws {
        let directory = ScratchDirectory()
        let outcome = try AIProdBinary.run(["config", "check", Self.shipped], in: directory, environment: ["AIPROD_SERVER_PROT": "1"])
        #expect(outcome.status == 2 && outcome.stderr.contains("AIPROD_SERVER_PROT: [server] prot: unknown key"), "stderr: \(outcome.stderr)")
    }

    @Test("other commands read --config as strictly")
    func strictForEveryCommand() throws {
        let directory = ScratchDirectory()
        directory.write("[studio]\npich = 40\n", to: "typo.ini")
        directory.write("Hello there.\n", to: "script.txt")
        let outcome = try AIProdBinary.run(["plan", "script.txt", "--config", "typo.ini"], in: directory)
        #expect(outcome.status == 2 && outcome.stderr.contains("typo.ini:2: [studio] pich: unknown key"), "stderr: \(outcome.stderr)")
    }
}
