import AIProdCore
import AIProdStore
import Foundation
import Logging
import Testing
import AIProdTestSupport

/// SIGTERM mid-render, as `systemctl stop` or an upgrade sends it: the daemon drains (the job
/// goes back to the queue, its attempt not counted) and exits 0; started again, the job
/// resumes at its first unfinished stage (render) and succeeds.
@Suite("aiprod serve: SIGTERM drain and resume", .serialized)
struct DaemonDrainTests {
    static let patience: Duration = .seconds(240)
    /// Jobs submitted, one after the other, until one is caught mid-render.
    static let tries = 3

    static func store(_ data: String) throws -> SQLiteStore {
        try SQLiteStore(path: data + "/aiprod.sqlite3", synchronous: .normal,
                        queue: QueueOptions(leaseSeconds: 30, backoffBase: 0.2, backoffCap: 1),
                        logger: Logger(label: "drain-test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test("a job mid-render: SIGTERM, exit 0, the job queued again with its attempt given back; restarted, it resumes at render and succeeds")
    func drainAndResume() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(DaemonCrashTests.config(data: data), to: "aiprod.ini")
        let token = try AIProdBinary.createToken(name: "drain-test", config: config, in: directory)

        let daemon = try await DaemonProcess.start(config: config, in: directory, run: 1)
        var client = APIClient(baseURL: daemon.baseURL, token: token)

        // Catch a job in its render stage. A test starved of threads on a busy machine can miss
        // a job's render altogether; then the next job is tried.
        let deadline = ContinuousClock.now + Self.patience
        var caught: String?
        for attempt in 0..<Self.tries where caught == nil {
            let submitted = try await client.post("pipeline/run", json: ["script": DaemonCrashTests.script(attempt), "preset": "web-720p", "seed": 7])
            try #require(submitted.status == 202, "submit: \(submitted.status) \(submitted.text)")
            let id = try #require(submitted.json?["job_id"] as? String ?? submitted.json?["id"] as? String, "a job id: \(submitted.text)")
            while caught == nil, ContinuousClock.now < deadline, daemon.process.isRunning {
                let response = try await client.get("pipeline/\(id)")
                if DaemonCrashTests.isRendering(response) {
                    caught = id
                } else if let state = response.json?["state"] as? String, ["succeeded", "dead", "canceled"].contains(state) {
                    break
                } else {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
        }
        let id = try #require(caught, "a job was caught in render; stderr:\n\(daemon.stderr)")
        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationReason == .exit && daemon.process.terminationStatus == 0,
                "SIGTERM mid-render: exit \(daemon.process.terminationStatus); stderr:\n\(daemon.stderr)")
        #expect(!daemon.stderr.contains("daemon stopped on an error"), "\(daemon.stderr)")

        // Between the runs: queued again, the attempt given back, render begun but not finished.
        let jobID = try #require(JobID(rawValue: id))
        do {
            let store = try Self.store(data)
            let job = try store.job(jobID)
            #expect(job.state == .queued, "\(job.state)")
            #expect(job.attempts == 0, "a drained attempt is not counted: \(job.attempts)")
            let runs = try store.stageRuns(jobID)
            #expect(runs.last?.stage == .render && runs.last?.finishedAt == nil, "\(runs)")
            #expect(runs.dropLast().allSatisfy { $0.finishedAt != nil }, "\(runs)")
        }

        // Started again: the job resumes at render and succeeds.
        let second = try await DaemonProcess.start(config: config, in: directory, run: 2)
        client = APIClient(baseURL: second.baseURL, token: token)
        var state: String?
        while ContinuousClock.now < deadline, second.process.isRunning {
            state = try await client.get("pipeline/\(id)").json?["state"] as? String
            if let state, ["succeeded", "dead", "canceled", "failed"].contains(state) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(state == "succeeded", "state: \(state ?? "?"); stderr:\n\(second.stderr)")
        await second.stop(SIGTERM)
        #expect(second.process.terminationStatus == 0)

        let store = try Self.store(data)
        let job = try store.job(jobID)
        #expect(job.state == .succeeded && job.attempts == 1, "\(job.state), attempts \(job.attempts)")
        let runs = try store.stageRuns(jobID)
        let firstRender = try #require(runs.firstIndex { $0.stage == .render }, "\(runs)")
        let before = runs[..<firstRender].map(\.stage)
        let after = runs[(firstRender + 1)...].map(\.stage)
        #expect(Set(before).count == before.count, "each stage before render ran once: \(before)")
        #expect(after.first == .render, "the second run began at render: \(after)")
        #expect(!after.contains { before.contains($0) }, "no finished stage ran again: \(after)")
        #expect(runs.allSatisfy { $0.attempt == 1 }, "one attempt throughout: \(runs.map(\.attempt))")
    }
}
