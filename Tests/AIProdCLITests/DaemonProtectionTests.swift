import Foundation
import Testing
import AIProdTestSupport

/// The protections through a real `aiprod serve`: the INI's `[rate_limit]` reaches the server,
/// and the JSON log lines carry the request id, the trace id and, on the worker's side, the
/// job id with the trace id of the request that submitted it.
@Suite("aiprod serve: rate limits and log correlation", .serialized)
struct DaemonProtectionTests {
    static let patience: Duration = .seconds(240)
    static let trace = "4bf92f3577b34da6a3ce929d0e0e4736"

    /// The crash test's daemon (JSON logs, one worker, port 0) with a small per-address burst.
    static func config(data: String) -> String {
        DaemonCrashTests.config(data: data) + """

        [rate_limit]
        enabled = true
        ip_rate = 0.01
        ip_burst = 6
        """
    }

    /// The daemon's stderr as JSON objects (other lines skipped).
    static func lines(_ stderr: String) -> [[String: Any]] {
        stderr.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    @Test("request_id and trace_id on the request's lines, trace_id on the worker's lines for the job; 429 past ip_burst")
    func correlation() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data), to: "aiprod.ini")
        let created = try AIProdBinary.run(["token", "create", "--name", "protect-test", "--role", "admin", "--config", config], in: directory)
        try #require(created.status == 0, "token create: \(created.stderr)")
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let daemon = try await DaemonProcess.start(config: config, in: directory, run: 1)
        let client = APIClient(baseURL: daemon.baseURL, token: token)
        let submitted = try await client.post(
            "pipeline/run", json: ["script": "A bell rings over the harbour.", "preset": "web-720p"],
            headers: ["X-Request-ID": "submit-1", "traceparent": "00-\(Self.trace)-00f067aa0ba902b7-01"])
        try #require(submitted.status == 202, "submit: \(submitted.status) \(submitted.text)")
        #expect(submitted.headers["x-request-id"] == "submit-1")
        let id = try #require(submitted.json?["id"] as? String)

        // The worker tags its lines for the job with the trace id it was submitted with.
        let deadline = ContinuousClock.now + Self.patience
        var workerLine: [String: Any]?
        while workerLine == nil, ContinuousClock.now < deadline, daemon.process.isRunning {
            workerLine = Self.lines(daemon.stderr).first { $0["job_id"] as? String == id && $0["message"] as? String == "job started" }
            if workerLine == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let started = try #require(workerLine, "a 'job started' line for \(id); stderr:\n\(daemon.stderr)")
        #expect(started["trace_id"] as? String == Self.trace)

        // The access line of the submission carries both ids.
        let access = Self.lines(daemon.stderr).first { $0["message"] as? String == "request" && $0["request_id"] as? String == "submit-1" }
        #expect(access?["trace_id"] as? String == Self.trace, "stderr:\n\(daemon.stderr)")
        #expect(access?["status"] as? String == "202")

        // Past the address's burst (6 requests, the submission included): 429 with Retry-After.
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<8 {
            let response = try await client.get("health")
            statuses.append(response.status)
            if response.status == 429 { retryAfter = response.headers["retry-after"] }
        }
        #expect(statuses.contains(429), "\(statuses)")
        #expect(retryAfter.flatMap(Int.init).map { $0 >= 1 } == true)

        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationReason == .exit && daemon.process.terminationStatus == 0, "stderr:\n\(daemon.stderr)")
    }
}
