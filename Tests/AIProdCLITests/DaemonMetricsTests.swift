import AIProdTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `aiprod serve` as a child process with `[auth] allow_open_metrics` and `[status] allow_cidrs`:
/// after a real job, `/metrics` (no token) parses strictly and carries the worker-side metrics
/// the daemon's pool recorded into the server's registry, and `/status` (no token, loopback
/// allowed) is well-formed and shows the job with its thumbnail inlined.
@Suite("aiprod serve: /metrics and /status", .serialized)
struct DaemonMetricsTests {
    static let patience: Duration = .seconds(240)

    /// The crash test's daemon (one worker, port 0, JSON logs) with `/metrics` open and
    /// `/status` open to loopback.
    static func config(data: String) -> String {
        DaemonCrashTests.config(data: data) + """

            [auth]
            allow_open_metrics = true

            [status]
            allow_cidrs = 127.0.0.0/8
            refresh_seconds = 5
            """
    }

    /// A GET with no token at all.
    static func open(_ base: URL, _ path: String) async throws -> (status: Int, text: String) {
        let request = URLRequest(url: base.appendingPathComponent(path), timeoutInterval: 30)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("after a job: /metrics has every stage, the render speed and build info; /status shows the job and its thumbnail")
    func afterAJob() async throws {
        let directory = ScratchDirectory()
        let data = directory.file("data")
        let config = directory.write(Self.config(data: data), to: "aiprod.ini")
        let token = try AIProdBinary.createToken(name: "metrics-test", role: "producer", config: config, in: directory)

        let daemon = try await DaemonProcess.start(config: config, in: directory, run: 1)
        let client = APIClient(baseURL: daemon.baseURL, token: token)
        let submitted = try await client.post("pipeline/run", json: ["script": "A bell rings over the harbour.", "title": "Bell <b>&amp;</b>"])
        try #require(submitted.status == 202, "submit: \(submitted.status) \(submitted.text)")
        let id = try #require(submitted.json?["id"] as? String)

        var state = ""
        let deadline = ContinuousClock.now + Self.patience
        // Read once more past the deadline: a starved sleep must not fail a job that finished.
        while daemon.process.isRunning {
            state = try await client.get("pipeline/\(id)").json?["state"] as? String ?? ""
            if ["succeeded", "failed", "dead", "canceled"].contains(state) || ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(state == "succeeded", "stderr:\n\(daemon.stderr)")

        let metrics = try await Self.open(daemon.baseURL, "metrics")
        #expect(metrics.status == 200)
        let exposition = try PrometheusExposition(parsing: metrics.text)
        for stage in ["plan", "narrate", "foley", "score", "direct", "render", "qa", "publish"] {
            #expect(exposition.value("aiprod_stage_duration_seconds_count", ["stage": stage]) == 1, "\(stage)")
        }
        #expect(exposition.value("aiprod_render_realtime_factor_count") == 1)
        #expect(exposition.value("aiprod_jobs", ["state": "succeeded"]) == 1)
        #expect(exposition.value("aiprod_queue_depth") == 0)
        let build = exposition.samples("aiprod_build_info")
        #expect(build.count == 1 && build.first?.value == 1 && !(build.first?.labels["version"] ?? "").isEmpty)
        #expect(exposition.value("aiprod_http_request_duration_seconds_count",
                                 ["route": "/pipeline/run", "method": "POST", "status": "202"]) == 1)

        let status = try await Self.open(daemon.baseURL, "status")
        #expect(status.status == 200)
        let page = try XHTMLDocument(status.text)
        #expect(page.text.contains(id))
        #expect(page.text.contains("Bell <b>&amp;</b>"))
        let images = page.elements(named: "img").compactMap { $0.attributes["src"] }
        #expect(images.count == 1 && images.allSatisfy { $0.hasPrefix("data:image/jpeg;base64,/9j/") }, "\(images.map { $0.prefix(40) })")

        await daemon.stop(SIGTERM)
        #expect(daemon.process.terminationReason == .exit && daemon.process.terminationStatus == 0, "stderr:\n\(daemon.stderr)")
    }
}
