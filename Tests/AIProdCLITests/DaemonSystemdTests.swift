import Foundation
import Testing
import AIProdTestSupport

/// `aiprod serve` under a pretend systemd: a datagram socket bound here is its `NOTIFY_SOCKET`
/// and `WATCHDOG_USEC` asks for keep-alives. One daemon goes through its whole life: ready once
/// it listens, watchdog pings, a good reload (the log level changes, a port change waits for a
/// restart), a broken reload (it keeps serving and says why), then a graceful stop.
@Suite("aiprod serve: systemd notify, watchdog and reload", .serialized)
struct DaemonSystemdTests {
    static func config(data: String, level: String = "info", port: Int = 0) -> String {
        """
        [server]
        listen = 127.0.0.1
        port = \(port)

        [storage]
        data_dir = \(data)

        [workers]
        count = 1

        [log]
        level = \(level)
        format = json
        """
    }

    /// The JSON log lines of `stderr` whose `message` is `message`.
    static func lines(_ stderr: String, message: String) -> [[String: Any]] {
        stderr.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }.filter { $0["message"] as? String == message }
    }

    static func hasDebugLine(_ stderr: String) -> Bool {
        stderr.split(separator: "\n").contains { $0.contains("\"level\":\"debug\"") }
    }

    /// Waits (sleeping the task) until the daemon's stderr satisfies `done`.
    static func waitForLog(_ daemon: DaemonProcess, timeout: Duration = .seconds(240), until done: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if done(daemon.stderr) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return done(daemon.stderr)
    }

    @Test("READY=1 once listening, WATCHDOG=1 pings, SIGHUP: RELOADING=1 then READY=1 (good and broken INI), SIGTERM: STOPPING=1 and exit 0")
    func lifecycle() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data), to: "aiprod.ini")
        let receiver = try NotifyReceiver(address: "/tmp/aiprod-notify-\(UUID().uuidString.prefix(8)).sock")

        let token = try AIProdBinary.createToken(name: "notify-test", config: config, in: directory)

        let daemon = try await DaemonProcess.start(config: config, in: directory, run: 1,
                                                   environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "400000"])
        let client = APIClient(baseURL: daemon.baseURL, token: token)

        // READY=1 first, naming the address the daemon answers on.
        let ready = await receiver.wait { $0.contains { $0.hasPrefix("READY=1\n") } }
        let first = try #require(ready.first { $0.hasPrefix("READY=1\n") }, "READY=1 arrived: \(ready); stderr:\n\(daemon.stderr)")
        #expect(first == "READY=1\nSTATUS=listening on \(daemon.baseURL.absoluteString)\n")
        #expect(!ready.prefix { !$0.hasPrefix("READY=1") }.contains { $0.hasPrefix("STOPPING") || $0.hasPrefix("RELOADING") })
        #expect(try await client.get("health").status == 200, "the address is up once READY=1 is sent")

        // Keep-alives at half of WATCHDOG_USEC.
        let pinged = await receiver.wait { $0.filter { $0 == "WATCHDOG=1\n" }.count >= 3 }
        #expect(pinged.filter { $0 == "WATCHDOG=1\n" }.count >= 3, "watchdog pings: \(pinged)")
        #expect(!Self.hasDebugLine(daemon.stderr), "level info: no debug lines yet")

        // A good reload: the level goes live, the port waits for a restart.
        directory.write(Self.config(data: data, level: "debug", port: 18_093), to: "aiprod.ini")
        daemon.send(SIGHUP)
        let reloaded = await receiver.wait { Self.readyAfterReloading($0, count: 1) }
        #expect(Self.readyAfterReloading(reloaded, count: 1), "RELOADING=1 then READY=1: \(reloaded)")
        #expect(reloaded.first { $0.hasPrefix("RELOADING=1\n") }?.contains("\nMONOTONIC_USEC=") == true)
        #expect(await Self.waitForLog(daemon) { !Self.lines($0, message: "configuration reloaded").isEmpty })
        let applied = Self.lines(daemon.stderr, message: "configuration reloaded").first?["changed"] as? [String]
        #expect(applied == ["log.level"], "changed keys logged: \(daemon.stderr)")
        let restart = Self.lines(daemon.stderr, message: "configuration changes that need a restart; not applied").first?["keys"] as? [String]
        #expect(restart == ["server.port"], "restart keys logged: \(daemon.stderr)")

        // Debug lines now appear: a job's claim is logged at debug.
        let submitted = try await client.post("pipeline/run", json: ["script": "A short line to claim.", "preset": "web-720p"])
        #expect(submitted.status == 202, "submit: \(submitted.status) \(submitted.text)")
        #expect(await Self.waitForLog(daemon) { Self.hasDebugLine($0) }, "debug lines after the reload: \(daemon.stderr)")

        // A broken reload: the old configuration stays, the error names file and line.
        let broken = Self.config(data: data, level: "debug") + "\n[webhooks]\ncolour = blue\n"
        let badLine = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "colour = blue" }) + 1
        directory.write(broken, to: "aiprod.ini")
        daemon.send(SIGHUP)
        let again = await receiver.wait { Self.readyAfterReloading($0, count: 2) }
        #expect(Self.readyAfterReloading(again, count: 2), "RELOADING=1 then READY=1 again: \(again)")
        #expect(await Self.waitForLog(daemon) { !Self.lines($0, message: "configuration not reloaded: keeping the running one").isEmpty })
        let failure = try #require(Self.lines(daemon.stderr, message: "configuration not reloaded: keeping the running one").first)
        #expect(failure["level"] as? String == "error")
        #expect(failure["file"] as? String == config && failure["line"] as? String == "\(badLine)", "\(failure)")
        #expect((failure["error"] as? String)?.contains("\(config):\(badLine)") == true, "\(failure)")
        #expect(daemon.process.isRunning)
        #expect(try await client.get("health").status == 200, "still serving after a broken reload")

        // A graceful stop.
        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationReason == .exit && daemon.process.terminationStatus == 0,
                "SIGTERM: exit \(daemon.process.terminationStatus); stderr:\n\(daemon.stderr)")
        // The receiver reads on a thread of its own: under load it may not have read the last
        // datagram yet when the daemon has exited.
        let stopped = await receiver.wait { $0.contains { $0.hasPrefix("STOPPING=1\n") } }
        #expect(stopped.contains { $0.hasPrefix("STOPPING=1\n") }, "STOPPING=1: \(stopped)")
    }

    /// Whether the messages hold `count` RELOADING=1, each followed later by a READY=1.
    static func readyAfterReloading(_ messages: [String], count: Int) -> Bool {
        var reloads = 0, pending = false
        for message in messages {
            if message.hasPrefix("RELOADING=1\n") {
                pending = true
            } else if pending, message.hasPrefix("READY=1\n") {
                pending = false
                reloads += 1
            }
        }
        return reloads >= count
    }
}
