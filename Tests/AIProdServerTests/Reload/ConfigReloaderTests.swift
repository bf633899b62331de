import AIProdCore
import AIProdServer
import Foundation
import Logging
import Synchronization
import Testing
import AIProdTestSupport

/// Reloading a real INI file: what the actions get, what needs a restart, and a broken file
/// leaving everything as it was.
@Suite("config reload")
struct ConfigReloaderTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func ini(level: String = "info", port: Int = 8080, timeout: String = "10", secret: String = "") -> String {
        """
        [server]
        port = \(port)

        [webhooks]
        timeout_seconds = \(timeout)
        secret = \(secret)

        [log]
        level = \(level)
        """
    }

    /// What the actions were given, and the settings they hold.
    final class Seen: Sendable {
        let configs = Mutex<[ServiceConfig]>([])
        /// What the section action was given: only when a key of its changed.
        let webhooks = Mutex<[WebhooksConfig]>([])
        let current: Mutex<ServiceConfig>
        init(_ started: ServiceConfig) { current = Mutex(started) }
        var isEmpty: Bool { configs.withLock { $0.isEmpty } }
    }

    /// A reloader over `file` with a log-level and a webhooks action that record what they get.
    static func reloader(_ file: String) throws -> (ConfigReloader, Seen) {
        let started = try ServiceConfig.load(path: file, environment: [:])
        let reloader = ConfigReloader(path: file, environment: [:], started: started, logger: quiet)
        let seen = Seen(started)
        reloader.register(owns: ["log.level"]) { config in
            seen.configs.withLock { $0.append(config) }
            return seen.current.withLock { old in
                defer { old.log.level = config.log.level }
                return old.log.level == config.log.level ? [] : ["log.level"]
            }
        }
        reloader.register(\.webhooks) { webhooks in seen.webhooks.withLock { $0.append(webhooks) } }
        return (reloader, seen)
    }

    @Test("a good file: live keys applied and named, restart-only keys named and left alone, secrets by name only")
    func goodFile() throws {
        let directory = ScratchDirectory()
        let file = directory.write(Self.ini(), to: "aiprod.ini")
        let (reloader, seen) = try Self.reloader(file)

        #expect(reloader.reload() == ReloadReport(), "nothing changed, nothing to say")

        directory.write(Self.ini(level: "debug", port: 9090, timeout: "20", secret: "s3cret"), to: "aiprod.ini")
        let report = reloader.reload()
        #expect(report.error == nil)
        #expect(report.applied == ["log.level", "webhooks.secret", "webhooks.timeout_seconds"])
        #expect(report.needsRestart == ["server.port"])
        #expect(seen.configs.withLock { $0.last?.log.level } == .debug)
        #expect(seen.webhooks.withLock { $0.map(\.timeoutSeconds) } == [20], "the section's new value, once")

        // Still pending at the next reload (compared with what the daemon started with), and
        // the live keys, already applied, are not reported again.
        let again = reloader.reload()
        #expect(again.applied == [] && again.needsRestart == ["server.port"], "\(again)")
        #expect(seen.webhooks.withLock { $0.count } == 1, "an unchanged section is not applied again")
    }

    @Test("a provider added or removed needs a restart, named by its keys (its key by name only)")
    func providers() throws {
        let directory = ScratchDirectory()
        let provider = "\n[provider.llm]\nkind = openai-chat\nurl = http://gpu:11434/v1\nmodel = m\nkey = sk-hidden-value\n"
        let file = directory.write(Self.ini() + provider, to: "aiprod.ini")
        let (reloader, _) = try Self.reloader(file)
        directory.write(Self.ini(), to: "aiprod.ini")
        let removed = reloader.reload()
        #expect(removed.needsRestart.contains("provider.llm.kind") && removed.needsRestart.contains("provider.llm.key"))
        #expect(!"\(removed)".contains("sk-hidden-value"))
        #expect(removed.needsRestart.allSatisfy { $0.hasPrefix("provider.llm.") }, "other sections are compared with themselves")
    }

    @Test("a broken file: nothing applied, the error names the file and line", arguments: [
        ("[log]\nlevel = loud\n", 2),
        ("[server]\nport = 80\nnonsense\n", 3),
        ("[log]\nlevel = debug\n[webhooks]\ncolour = blue\n", 4),
    ])
    func brokenFile(text: String, line: Int) throws {
        let directory = ScratchDirectory()
        let file = directory.write(Self.ini(), to: "aiprod.ini")
        let (reloader, seen) = try Self.reloader(file)
        directory.write(text, to: "aiprod.ini")
        let report = reloader.reload()
        let error = try #require(report.error as ConfigError?)
        #expect(error.file == file && error.line == line, "\(error)")
        #expect(report.applied.isEmpty && report.needsRestart.isEmpty)
        #expect(seen.isEmpty && seen.webhooks.withLock { $0.isEmpty }, "no action ran")
    }

    @Test("a file that went missing: nothing applied, the error names it")
    func missingFile() throws {
        let directory = ScratchDirectory()
        let file = directory.write(Self.ini(), to: "aiprod.ini")
        let (reloader, seen) = try Self.reloader(file)
        try FileManager.default.removeItem(atPath: file)
        let report = reloader.reload()
        #expect(report.error?.file == file)
        #expect(seen.isEmpty)
    }
}
