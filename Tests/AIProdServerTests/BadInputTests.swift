import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: bad input is a 4xx JSON error naming the field")
struct BadInputTests {
    @Test("Malformed JSON, wrong types, unknown fields, missing script, unknown preset, bad ranges")
    func runBodies() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let producer = server.token(.producer)
            func post(_ json: String) async throws -> TestResponse {
                try await server.client.send("POST", "/pipeline/run", token: producer, json: json)
            }
            let malformed = try await post(#"{"script": "x""#)
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "invalid_json")
            let wrongType = try await post(#"{"script": 42}"#)
            #expect(wrongType.status == 400)
            #expect(wrongType.errorCode == "wrong_type")
            #expect(wrongType.errorField == "script")
            let nestedType = try await post(#"{"script": "x", "music": {"enabled": "yes"}}"#)
            #expect(nestedType.errorField == "music.enabled")
            let unknown = try await post(#"{"script": "x", "duraton": 10}"#)
            #expect(unknown.status == 400)
            #expect(unknown.errorCode == "unknown_field")
            #expect(unknown.errorField == "duraton")
            let missing = try await post(#"{"title": "no script"}"#)
            #expect(missing.errorField == "script")
            let preset = try await post(#"{"script": "x", "preset": "imax-8k"}"#)
            #expect(preset.status == 422)
            #expect(preset.errorField == "preset")
            let priority = try await post(#"{"script": "x", "priority": 1000}"#)
            #expect(priority.errorField == "priority")
            let webhook = try await post(#"{"script": "x", "webhook_url": "file:///etc/passwd"}"#)
            #expect(webhook.errorField == "webhook_url")
            let asset = try await post(#"{"script": "x", "asset_ids": ["\#(String(repeating: "b", count: 64))"]}"#)
            #expect(asset.status == 422)
            #expect(asset.errorField == "asset_ids[0]")
            let notObject = try await post("[1, 2]")
            #expect(notObject.status == 400)
            let empty = try await server.client.send("POST", "/pipeline/run", token: producer)
            #expect(empty.status == 400)
        }
    }

    @Test("A body over [server] max_body_bytes is 413")
    func tooLarge() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.maxBodyBytes = 1024 }) { server async throws in
            let script = String(repeating: "word ", count: 1000)
            let response = try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: #"{"script": "\#(script)"}"#)
            #expect(response.status == 413)
            #expect(response.errorCode == "content_too_large")
        }
    }

    @Test("Unknown ids are 404; an unknown route is 404 and a wrong method 405, both JSON")
    func unknown() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let viewer = server.token(.viewer)
            let job = try await server.client.send("GET", "/pipeline/job_" + String(repeating: "a", count: 26), token: viewer)
            #expect(job.status == 404)
            #expect(job.errorCode == "not_found")
            #expect(try await server.client.send("GET", "/pipeline/../../etc/passwd", token: viewer).status == 404)
            #expect(try await server.client.send("GET", "/pipeline/nonsense", token: viewer).status == 404)
            #expect(try await server.client.send("GET", "/assets/" + String(repeating: "c", count: 64), token: viewer).status == 404)
            let route = try await server.client.send("GET", "/nowhere", token: viewer)
            #expect(route.status == 404)
            #expect(route.errorCode == "not_found")
            let method = try await server.client.send("PUT", "/presets", token: viewer)
            #expect(method.status == 405)
            #expect(method.errorCode == "method_not_allowed")
            #expect(method.header("Allow") == "GET")
            let assets = try await server.client.send("PATCH", "/assets", token: viewer)
            #expect(assets.status == 405)
            #expect(assets.header("Allow") == "POST, GET")
            let query = try await server.client.send("GET", "/pipeline?state=sleeping", token: viewer)
            #expect(query.status == 400)
            #expect(query.errorField == "state")
            #expect(try await server.client.send("GET", "/pipeline?limit=-1", token: viewer).errorField == "limit")
            #expect(try await server.client.send("GET", "/admin/audit?since=yesterday", token: server.token(.admin)).errorField == "since")
        }
    }
}
