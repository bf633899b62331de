import AIProdCore
import AIProdPipeline
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: GET /pipeline/{id}/credits")
struct CreditsRouteTests {
    static let document = CreditsDocument(credits: [
        Credit(role: .plan, file: "plan.json", source: "offline", title: "The sea", license: .generated, model: "aiprod offline planner", seed: 1),
        Credit(role: .effect, scene: 0, file: "media/effect-1-1.mp3", source: "sounds", kind: "freesound", title: "Waves", author: "kim",
               license: .ccBy, link: "https://freesound.org/s/9/"),
    ])

    /// A job the store holds as succeeded, with the credits publish writes in its folder.
    static func published(_ server: TestServer, files: Bool = true) throws -> JobID {
        let job = try server.store.enqueue(JobSpec(script: "The sea at dawn."), options: EnqueueOptions(maxAttempts: 3)).job
        _ = try #require(try server.store.claim(worker: "w-1", now: Date()))
        let result = JobResult(video: "video.mp4", thumbnail: nil, subtitlesSrt: nil, subtitlesVtt: nil, duration: 4, videoBytes: 10,
                               videoSha256: String(repeating: "0", count: 64), qaPassed: true, qaFailures: [], wallSeconds: 2)
        try server.store.succeed(job.id, worker: "w-1", result: result, costs: [], now: Date())
        if files {
            let folder = server.dataDirectory + "/jobs/" + job.id.rawValue
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try JSONCoding.encoder.encode(document).write(to: URL(fileURLWithPath: folder + "/credits.json"))
            try Data(CreditsText.render(document, title: "The sea").utf8).write(to: URL(fileURLWithPath: folder + "/credits.txt"))
        }
        return job.id
    }

    @Test("JSON by default and with format=json, text with format=txt; audited as data access")
    func forms() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let id = try Self.published(server).rawValue
            let viewer = server.token(.viewer)
            let json = try await server.client.send("GET", "/pipeline/\(id)/credits", token: viewer)
            #expect(json.status == 200)
            #expect(json.header("Content-Type") == "application/json")
            let credits = try #require(json.json["credits"] as? [[String: Any]])
            #expect(credits.count == 2 && credits[1]["author"] as? String == "kim" && credits[1]["license"] as? String == "cc-by")
            #expect(json.json["attribution"] as? [String] == ["“Waves” by kim (freesound.org/s/9), CC BY 4.0"])
            let explicit = try await server.client.send("GET", "/pipeline/\(id)/credits?format=json", token: viewer)
            #expect(explicit.status == 200 && explicit.body == json.body)
            let text = try await server.client.send("GET", "/pipeline/\(id)/credits?format=txt", token: viewer)
            #expect(text.status == 200)
            #expect(text.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(text.text.hasPrefix("Credits — The sea\n") && text.text.contains("\nEffects\n  scene 1 · “Waves” · by kim"))
            // The job's result links them.
            let job = try await server.client.send("GET", "/pipeline/\(id)", token: viewer)
            #expect((job.json["result"] as? [String: Any])?["credits"] as? String == "/pipeline/\(id)/credits")
            let access = try server.store.auditEntries(AuditQuery(type: .dataAccess, since: nil, until: nil, tokenName: "test-viewer", limit: 20))
            #expect(access.filter { $0.resource == "/pipeline/\(id)/credits" }.count == 3)
        }
    }

    @Test("404 JSON while the job has not published, and for a job that published without credits; 400 for an unknown format")
    func notYet() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let viewer = server.token(.viewer)
            // Published first: the test claims the oldest queued job.
            let old = try Self.published(server, files: false).rawValue
            let queued = try #require(try await server.client.send("POST", "/pipeline/run", token: server.token(.producer),
                                                                   json: #"{"script": "Hello."}"#).json["id"] as? String)
            // Files in the folder do not count until the job has published.
            let folder = server.dataDirectory + "/jobs/" + queued
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/credits.json"))
            let waiting = try await server.client.send("GET", "/pipeline/\(queued)/credits", token: viewer)
            #expect(waiting.status == 404 && waiting.errorCode == "not_found")
            #expect(waiting.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(try await server.client.send("GET", "/pipeline/\(queued)/credits?format=txt", token: viewer).status == 404)

            let none = try await server.client.send("GET", "/pipeline/\(old)/credits", token: viewer)
            #expect(none.status == 404 && none.errorCode == "not_found")

            let unknown = try await server.client.send("GET", "/pipeline/job_" + String(repeating: "a", count: 26) + "/credits", token: viewer)
            #expect(unknown.status == 404)
            let bad = try await server.client.send("GET", "/pipeline/\(old)/credits?format=html", token: viewer)
            #expect(bad.status == 400 && bad.errorCode == "invalid_value" && (bad.json["error"] as? [String: Any])?["field"] as? String == "format")
        }
    }

    @Test("a token is needed (401 without, 401 with a wrong one); every role may read")
    func auth() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let id = try Self.published(server).rawValue
            #expect(try await server.client.send("GET", "/pipeline/\(id)/credits").status == 401)
            #expect(try await server.client.send("GET", "/pipeline/\(id)/credits?format=txt", token: "aiprod_wrong").status == 401)
            for role in TokenRole.allCases {
                #expect(try await server.client.send("GET", "/pipeline/\(id)/credits", token: server.token(role)).status == 200, "\(role)")
            }
            #expect(try await server.client.send("POST", "/pipeline/\(id)/credits", token: server.token(.admin)).status == 405)
        }
    }

    @Test("/openapi.json documents the route: its format parameter, the Credits schema and both media types")
    func openAPI() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let document = try await server.client.send("GET", "/openapi.json").json
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let operation = try #require(paths["/pipeline/{id}/credits"]?["get"] as? [String: Any])
            let parameters = try #require(operation["parameters"] as? [[String: Any]])
            let format = try #require(parameters.first { $0["name"] as? String == "format" })
            #expect((format["schema"] as? [String: Any])?["enum"] as? [String] == ["json", "txt"])
            let ok = try #require((operation["responses"] as? [String: Any])?["200"] as? [String: Any])
            let content = try #require(ok["content"] as? [String: Any])
            #expect(Set(content.keys) == ["application/json", "text/plain"])
            #expect(((content["application/json"] as? [String: Any])?["schema"] as? [String: Any])?["$ref"] as? String == "#/components/schemas/Credits")
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let credits = try #require(schemas["Credits"] as? [String: Any])
            #expect(credits["required"] as? [String] == ["credits", "attribution"])
            let responses = try #require(operation["responses"] as? [String: Any])
            #expect(Set(responses.keys).isSuperset(of: ["200", "400", "401", "404"]))
        }
    }
}
