import AIProdCore
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: submitting, reading, cancelling jobs")
struct PipelineTests {
    static let script = #"{"prompt": "The sea at dawn. Boats leave the harbour.", "title": "Dawn", "aspect_ratio": "9:16", "music": {"mood": "calm", "volume_db": -6}, "subtitles": {"burn": false, "export": true}, "priority": 5}"#

    @Test("POST /pipeline/run answers 202 with links; the job is stored as asked (a prompt stays a prompt)")
    func run() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let response = try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: Self.script)
            #expect(response.status == 202)
            let id = try #require(response.json["id"] as? String)
            #expect(response.header("Location") == "/pipeline/\(id)")
            #expect((response.json["links"] as? [String: String])?["events"] == "/pipeline/\(id)/events")
            #expect(response.json["state"] as? String == "queued")
            #expect((response.json["eta_seconds"] as? Double ?? 0) > 0)
            let jobID = try #require(JobID(rawValue: id))
            let stored = try server.store.job(jobID)
            #expect(stored.spec.prompt == "The sea at dawn. Boats leave the harbour." && stored.spec.script == nil)
            #expect(stored.spec.aspectRatio == .portrait)
            #expect(stored.priority == 5)
            #expect(stored.tokenName == "test-producer")
            let runs = try server.store.auditEntries(AuditQuery(type: .pipelineRun, since: nil, until: nil, tokenName: nil, limit: 10))
            #expect(runs.count == 1)

            let read = try await server.client.send("GET", "/pipeline/\(id)", token: server.token(.viewer))
            #expect(read.status == 200)
            #expect(read.json["title"] as? String == "Dawn")
            let list = try await server.client.send("GET", "/pipeline?state=queued&limit=10", token: server.token(.viewer))
            #expect((list.json["jobs"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            let none = try await server.client.send("GET", "/pipeline?state=succeeded", token: server.token(.viewer))
            #expect((none.json["jobs"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("The same Idempotency-Key gives the same job (200 the second time), another key a new one")
    func idempotency() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let producer = server.token(.producer)
            let first = try await server.client.send("POST", "/pipeline/run", token: producer, json: Self.script, headers: ["Idempotency-Key": "order-42"])
            let again = try await server.client.send("POST", "/pipeline/run", token: producer, json: Self.script, headers: ["Idempotency-Key": "order-42"])
            let other = try await server.client.send("POST", "/pipeline/run", token: producer, json: Self.script, headers: ["Idempotency-Key": "order-43"])
            #expect(first.status == 202)
            #expect(again.status == 200)
            #expect(first.json["id"] as? String == again.json["id"] as? String)
            #expect(other.status == 202)
            #expect(other.json["id"] as? String != first.json["id"] as? String)
            #expect(try server.store.counts()[.queued] == 2)
            let bad = try await server.client.send("POST", "/pipeline/run", token: producer, json: Self.script, headers: ["Idempotency-Key": "has space"])
            #expect(bad.status == 400)
        }
    }

    @Test("Cancel a queued job: canceled; again: 409; retry of a canceled job: 409")
    func cancel() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let producer = server.token(.producer)
            let id = try #require(try await server.client.send("POST", "/pipeline/run", token: producer, json: Self.script).json["id"] as? String)
            #expect(try await server.client.send("POST", "/pipeline/\(id)/cancel", token: server.token(.viewer)).status == 403)
            let canceled = try await server.client.send("POST", "/pipeline/\(id)/cancel", token: producer)
            #expect(canceled.status == 200)
            #expect(canceled.json["state"] as? String == "canceled")
            let again = try await server.client.send("POST", "/pipeline/\(id)/cancel", token: producer)
            #expect(again.status == 409)
            #expect(try await server.client.send("POST", "/pipeline/\(id)/retry", token: producer).status == 409)
            #expect(try await server.client.send("POST", "/pipeline/job_\(String(repeating: "q", count: 26))/cancel", token: producer).status == 404)
        }
    }

    @Test("Dry run and estimate: a plan, a cost and an ETA, nothing queued; over the budget the run is refused")
    func planAndBudget() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.monthlyBudgetUsd = 0.000001 }) { server async throws in
            let viewer = server.token(.viewer)
            let plan = try await server.client.send("POST", "/pipeline/plan", token: viewer, json: Self.script)
            #expect(plan.status == 200)
            #expect(((plan.json["plan"] as? [String: Any])?["scenes"] as? [Any])?.isEmpty == false)
            #expect(plan.json["preset"] as? String == "shorts-9x16")
            let estimate = try await server.client.send("POST", "/cost/estimate", token: viewer, json: Self.script)
            #expect(estimate.status == 200)
            #expect((estimate.json["budget"] as? [String: Any])?["within_budget"] as? Bool == false)
            #expect(try server.store.counts()[.queued, default: 0] == 0)
            let refused = try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: Self.script)
            #expect(refused.status == 402)
            #expect(refused.errorCode == "budget_exceeded")
            let estimates = try server.store.auditEntries(AuditQuery(type: .costEstimated, since: nil, until: nil, tokenName: nil, limit: 10))
            #expect(estimates.count == 2)
        }
    }

    @Test("/presets, /metrics and /admin/dead answer")
    func info() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.redactedConfig = ["webhooks": ["secret": "***"]] }) { server async throws in
            let presets = try await server.client.send("GET", "/presets", token: server.token(.viewer))
            #expect((presets.json["presets"] as? [[String: Any]])?.contains { $0["name"] as? String == "web-720p" } == true)
            _ = try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: Self.script)
            let metrics = try await server.client.send("GET", "/metrics", token: server.token(.viewer))
            #expect(metrics.text.contains("aiprod_queue_depth 1"))
            #expect(metrics.text.contains("aiprod_http_request_duration_seconds_count{route=\"/pipeline/run\",method=\"POST\",status=\"202\"} 1"))
            let config = try await server.client.send("GET", "/admin/config", token: server.token(.admin))
            #expect((config.json["webhooks"] as? [String: String])?["secret"] == "***")
            let dead = try await server.client.send("GET", "/admin/dead", token: server.token(.admin))
            #expect((dead.json["jobs"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("A dead job is in the dead letter; retry queues it again with its attempts reset")
    func retryDead() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let raw = try #require(try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: Self.script).json["id"] as? String)
            let id = try #require(JobID(rawValue: raw))
            _ = try #require(try server.store.claim(worker: "w1", now: Date()))
            let failure = JobFailure(code: "invalid_script", message: "no words", category: .caller, stage: .plan)
            #expect(try server.store.fail(id, worker: "w1", failure: failure, now: Date()) == .dead)
            let dead = try await server.client.send("GET", "/admin/dead", token: server.token(.admin))
            #expect((dead.json["jobs"] as? [[String: Any]])?.first?["id"] as? String == raw)
            let shown = try await server.client.send("GET", "/pipeline/\(raw)", token: server.token(.viewer))
            #expect((shown.json["error"] as? [String: Any])?["code"] as? String == "invalid_script")
            let retried = try await server.client.send("POST", "/pipeline/\(raw)/retry", token: server.token(.producer))
            #expect(retried.status == 200)
            #expect(retried.json["state"] as? String == "queued")
            #expect(retried.json["attempts"] as? Int == 0)
        }
    }

    @Test("A failure of ours is a 500 in the error shape, audited as error with the token's name")
    func serverError() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            // The upload folder cannot be made: a file sits where it should be.
            scratch.write("not a folder", to: "data/tmp")
            let response = try await server.client.send("POST", "/assets?name=a.png", token: server.token(.producer), body: Data("x".utf8))
            #expect(response.status == 500)
            #expect(response.errorCode == "internal")
            #expect(!response.text.contains(scratch.path))
            let errors = try server.store.auditEntries(AuditQuery(type: .error, since: nil, until: nil, tokenName: nil, limit: 10))
            #expect(errors.count == 1)
            #expect(errors.first?.tokenName == "test-producer")
            #expect(errors.first?.resource == "/assets")
        }
    }
}
