import AIProdStore
import Foundation
import Logging
import Testing
import AIProdTestSupport

/// `aiprod backup` and `aiprod restore` against a real daemon (a child process) and real files:
/// a backup while a job renders, a restore refused while the daemon runs, the round trip, a
/// damaged backup refused, and the daemon's own scheduled backups with retention.
@Suite("aiprod backup and restore", .serialized)
struct BackupCLITests {
    /// How long a test may wait on the daemon (two cores shared with other builds).
    static let patience: Duration = .seconds(240)

    static func config(data: String, extra: String = "") -> String {
        DaemonConfig.ini(data: data, extra: extra)
    }

    static func makeToken(_ config: String, in directory: ScratchDirectory, name: String = "backup-test") async throws -> String {
        let created = try await AIProdBinary.runAsync(["token", "create", "--name", name, "--role", "admin", "--config", config], in: directory)
        try #require(created.status == 0, "token create: \(created.stderr)")
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func manifest(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func store(_ path: String) throws -> SQLiteStore {
        try SQLiteStore(path: path, logger: Logger(label: "backup-test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Polls the job until `done` says yes or the patience runs out; returns its last JSON.
    static func waitForJob(_ client: APIClient, _ id: String, deadline: ContinuousClock.Instant,
                           until done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        while ContinuousClock.now < deadline {
            last = try await client.get("pipeline/\(id)").json ?? [:]
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        return last
    }

    @Test("backup while the daemon serves and renders; restore refused while it runs; restore round trip after it stops")
    func backupAndRestore() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data), to: "aiprod.ini")
        let token = try await Self.makeToken(config, in: directory)
        let deadline = ContinuousClock.now + Self.patience

        var daemon = try await DaemonProcess.start(config: config, in: directory, run: 1)
        var client = APIClient(baseURL: daemon.baseURL, token: token)
        let submitted = try await client.post("pipeline/run", json: ["script": "A bell rings over the quiet harbour, and the boats come home.",
                                                                     "preset": "web-720p", "seed": 7])
        try #require(submitted.status == 202, "submit: \(submitted.status) \(submitted.text)")
        let id = try #require(submitted.json?["job_id"] as? String ?? submitted.json?["id"] as? String)
        let running = try await Self.waitForJob(client, id, deadline: deadline) { $0["state"] as? String != "queued" }
        #expect(running["state"] as? String == "running", "the job runs while the backup is taken: \(running)")

        // 1. A backup while the job runs.
        let first = try await AIProdBinary.runAsync(["backup", "--config", config], in: directory)
        try #require(first.status == 0, "backup: \(first.stderr)")
        let firstFolder = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(firstFolder.hasPrefix(data + "/backups/aiprod-backup-"))
        #expect(try Self.manifest(firstFolder)["format"] as? Int == 1)
        // Its database is whole and has the job (checked on a copy: opening a file can change it).
        try FileManager.default.copyItem(atPath: firstFolder + "/aiprod.sqlite3", toPath: directory.file("first-copy.sqlite3"))
        let copy = try Self.store(directory.file("first-copy.sqlite3"))
        #expect(try copy.integrityCheck() == "ok")
        // Running then; it may have finished while the copy was made, never anything else.
        #expect([.running, .succeeded].contains(try copy.job(try #require(JobID(rawValue: id))).state))

        // 2. Restore refuses while the daemon runs; the daemon carries on.
        let refused = try await AIProdBinary.runAsync(["restore", firstFolder, "--config", config], in: directory)
        #expect(refused.status == 2, "stdout: \(refused.stdout) stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("aiprod.lock") && refused.stderr.contains("Stop the daemon"), "\(refused.stderr)")
        #expect(daemon.process.isRunning)

        // 3. Once the job is done, a backup that holds its outputs.
        let done = try await Self.waitForJob(client, id, deadline: deadline) { ["succeeded", "failed", "dead"].contains($0["state"] as? String ?? "") }
        try #require(done["state"] as? String == "succeeded", "\(done); stderr:\n\(daemon.stderr)")
        let second = try await AIProdBinary.runAsync(["backup", "--config", config], in: directory)
        try #require(second.status == 0, "backup: \(second.stderr)")
        let folder = second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try #require(try Self.manifest(folder)["files"] as? [[String: Any]])
        let video = try #require(files.first { ($0["path"] as? String)?.hasPrefix("jobs/\(id)/") == true && ($0["path"] as? String)?.hasSuffix(".mp4") == true },
                                 "the video is in the manifest: \(files)")
        let videoPath = data + "/" + (video["path"] as? String ?? "")
        #expect(try ContentHasher.sha256Hex(ofFile: videoPath) == video["sha256"] as? String)

        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationStatus == 0, "stderr:\n\(daemon.stderr)")

        // 4. After the backup: a new token, a lost video. The restore undoes both.
        _ = try await Self.makeToken(config, in: directory, name: "made-after-the-backup")
        try FileManager.default.removeItem(atPath: videoPath)
        let restored = try await AIProdBinary.runAsync(["restore", folder, "--config", config], in: directory)
        #expect(restored.status == 0, "restore: \(restored.stderr)")
        #expect(restored.stdout.contains("restored") && restored.stdout.contains("previous database is kept as"), "\(restored.stdout)")
        #expect(try ContentHasher.sha256Hex(ofFile: videoPath) == video["sha256"] as? String, "the video is put back")
        let tokens = try await AIProdBinary.runAsync(["token", "list", "--config", config], in: directory)
        #expect(tokens.stdout.contains("backup-test") && !tokens.stdout.contains("made-after-the-backup"), "\(tokens.stdout)")
        #expect(try Self.store(data + "/aiprod.sqlite3").integrityCheck() == "ok")
        #expect(directory.contents(of: "data").contains { $0.hasPrefix("aiprod.sqlite3.before-restore-") })

        // 5. The daemon starts on the restored database and serves the job and its video.
        daemon = try await DaemonProcess.start(config: config, in: directory, run: 2)
        client = APIClient(baseURL: daemon.baseURL, token: token)
        let after = try await client.get("pipeline/\(id)")
        #expect(after.status == 200 && after.json?["state"] as? String == "succeeded", "\(after.text)")
        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationStatus == 0)
    }

    @Test("a damaged backup is refused with exit 2 and nothing is swapped; migrate on a current schema takes no backup")
    func damagedBackup() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data), to: "aiprod.ini")
        for _ in 0..<2 {
            let migrated = try await AIProdBinary.runAsync(["migrate", "--config", config], in: directory)
            #expect(migrated.status == 0 && !migrated.stdout.contains("backed up"), "\(migrated.stdout) \(migrated.stderr)")
        }
        #expect(!directory.contents(of: "data").contains("backups"), "no pre-migration backup of a fresh or current database")
        _ = try await Self.makeToken(config, in: directory)
        let backup = try await AIProdBinary.runAsync(["backup", "--config", config, "--to", directory.file("elsewhere")], in: directory)
        try #require(backup.status == 0, "backup: \(backup.stderr)")
        let folder = backup.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(folder.hasPrefix(directory.file("elsewhere") + "/aiprod-backup-"))

        // One byte flipped in the copy.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: folder + "/aiprod.sqlite3"))
        try handle.seek(toOffset: 200)
        let byte = try handle.read(upToCount: 1) ?? Data([0])
        try handle.seek(toOffset: 200)
        try handle.write(contentsOf: Data([byte[0] ^ 0x55]))
        try handle.close()

        let live = data + "/aiprod.sqlite3"
        let before = try ContentHasher.sha256Hex(ofFile: live)
        let refused = try await AIProdBinary.runAsync(["restore", folder, "--config", config], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("invalid_backup") && refused.stderr.contains("Nothing was restored"), "\(refused.stderr)")
        #expect(try ContentHasher.sha256Hex(ofFile: live) == before)
        #expect(!directory.contents(of: "data").contains { $0.contains("before-restore") || $0.contains("restoring") })

        let missing = try await AIProdBinary.runAsync(["restore", directory.file("no-such-backup"), "--config", config], in: directory)
        #expect(missing.status == 2 && missing.stderr.contains("not a backup"), "\(missing.stderr)")
    }

    @Test("the daemon's scheduled backups run on [backup] at and are pruned to keep; a second daemon on the folder refuses to start")
    func scheduled() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data, extra: "\n[backup]\ndaily = true\nat = 1s\nkeep = 2\n"), to: "aiprod.ini")
        let daemon = try await DaemonProcess.start(config: config, in: directory, run: 1)

        // Were the lock not taken, this one would serve: stop it rather than hang the suite.
        let second = try await AIProdBinary.runAsync(["serve", "--config", config], in: directory) { process, _ in
            DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if process.isRunning { process.terminate() } }
        }
        #expect(second.status == 2 && second.stderr.contains("aiprod.lock"), "a second daemon: \(second.status) \(second.stderr)")

        let backups = data + "/backups"
        let deadline = ContinuousClock.now + Self.patience
        var first: String?
        var pruned = false
        while ContinuousClock.now < deadline, daemon.process.isRunning, !pruned {
            let names = BackupRetention.backups(in: backups)
            if first == nil { first = names.first }
            if let first, names.count >= 2, !names.contains(first) { pruned = true }
            try await Task.sleep(for: .milliseconds(100))
        }
        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationStatus == 0, "stderr:\n\(daemon.stderr)")
        #expect(pruned, "a third backup pruned the first; stderr:\n\(daemon.stderr)")
        #expect(BackupRetention.backups(in: backups).count == 2)
        #expect(!directory.contents(of: "data/backups").contains { $0.hasPrefix(".tmp") }, "no temporary folder left")
        #expect(daemon.stderr.contains("backup taken"))
    }
}
