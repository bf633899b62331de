import AIProdStore
import Foundation
import Logging
import Testing
import AIProdTestSupport

/// The daemon survives `kill -9` mid-render: started as a child process, given several short
/// script jobs over HTTP, killed twice while a job is in its render stage and started again
/// each time; in the end every job has `succeeded` exactly once (one result, one
/// `pipeline_result` audit row) and the SQLite file passes `PRAGMA integrity_check`.
@Suite("aiprod serve: crash recovery", .serialized)
struct DaemonCrashTests {
    static let jobs = 3
    static let kills = 2
    /// How long the whole test may wait for the jobs (two cores shared with other builds).
    static let patience: Duration = .seconds(240)

    static func config(data: String) -> String {
        DaemonConfig.ini(data: data, queue: "backoff_base_seconds = 0.2\nbackoff_cap_seconds = 1")
    }

    static func script(_ index: Int) -> String {
        "Job number \(index + 1). A bell rings over the quiet harbour, and the boats come home."
    }

    @Test("kill -9 mid-render twice: every job succeeds exactly once, the database is intact")
    func killMidRender() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data), to: "aiprod.ini")

        let token = try AIProdBinary.createToken(name: "crash-test", role: "admin", config: config, in: directory)

        var run = 1
        var daemon = try await DaemonProcess.start(config: config, in: directory, run: run)
        var client = APIClient(baseURL: daemon.baseURL, token: token)
        var ids: [String] = []
        for index in 0..<Self.jobs {
            let response = try await client.post("pipeline/run", json: ["script": Self.script(index), "preset": "web-720p", "seed": index + 1])
            try #require(response.status == 202, "submit: \(response.status) \(response.text)")
            let id = try #require(response.json?["job_id"] as? String ?? response.json?["id"] as? String, "a job id: \(response.text)")
            ids.append(id)
        }

        // Kill it while some job renders, then start it again: twice.
        var killed = 0
        let deadline = ContinuousClock.now + Self.patience
        while killed < Self.kills, ContinuousClock.now < deadline {
            guard daemon.process.isRunning else { break }
            var rendering = false
            for id in ids where !rendering {
                rendering = Self.isRendering(try await client.get("pipeline/\(id)"))
            }
            if rendering {
                await daemon.stop(SIGKILL)
                #expect(daemon.process.terminationReason == .uncaughtSignal, "killed by SIGKILL")
                killed += 1
                run += 1
                daemon = try await DaemonProcess.start(config: config, in: directory, run: run)
                client = APIClient(baseURL: daemon.baseURL, token: token)
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        #expect(killed == Self.kills, "the daemon was killed mid-render \(Self.kills) times; stderr:\n\(daemon.stderr)")

        // Every job reaches a terminal state.
        var states: [String: String] = [:]
        while ContinuousClock.now < deadline, daemon.process.isRunning {
            for id in ids { states[id] = try await client.get("pipeline/\(id)").json?["state"] as? String }
            if states.values.allSatisfy({ $0 == "succeeded" || $0 == "dead" || $0 == "canceled" }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(states.count == Self.jobs && states.values.allSatisfy { $0 == "succeeded" }, "states: \(states); stderr:\n\(daemon.stderr)")

        // A graceful stop exits 0.
        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationReason == .exit && daemon.process.terminationStatus == 0,
                "SIGTERM: exit \(daemon.process.terminationStatus); stderr:\n\(daemon.stderr)")

        // The database, read directly.
        let store = try SQLiteStore(path: data + "/aiprod.sqlite3", synchronous: .normal,
                                    queue: QueueOptions(leaseSeconds: 30, backoffBase: 0.2, backoffCap: 1),
                                    logger: Logger(label: "crash-test", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(try store.integrityCheck() == "ok")
        let published = try store.auditEntries(AuditQuery(type: .pipelineResult, since: nil, until: nil, tokenName: nil, limit: 1000))
        for id in ids {
            let job = try store.job(try #require(JobID(rawValue: id)))
            #expect(job.state == .succeeded, "\(id): \(job.state)")
            #expect(job.result != nil, "\(id) has its result")
            #expect(published.filter { $0.resource == id }.count == 1, "\(id) published once")
            #expect(try store.costs(job: job.id).count == 1, "\(id) billed once")
            if let video = job.result?.video {
                #expect(FileManager.default.fileExists(atPath: "\(data)/jobs/\(id)/\(video)"), "\(id): \(video) is there")
            }
        }
    }

    /// Whether a `GET /pipeline/{id}` answer says the job is running its render stage.
    static func isRendering(_ response: APIClient.Response) -> Bool {
        guard response.status == 200, let json = response.json else { return false }
        return json["state"] as? String == "running" && json["stage"] as? String == "render"
    }
}
