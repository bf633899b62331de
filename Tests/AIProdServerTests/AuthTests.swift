import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: authentication and roles")
struct AuthTests {
    @Test("No token, a malformed header and an unknown token are 401 with the error shape; each is audited")
    func unauthorized() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let none = try await server.client.send("GET", "/pipeline")
            #expect(none.status == 401)
            #expect(none.errorCode == "unauthorized")
            #expect(none.header("WWW-Authenticate") == "Bearer")
            let basic = try await server.client.send("GET", "/pipeline", headers: ["Authorization": "Basic eDp5"])
            #expect(basic.status == 401)
            let wrong = try await server.client.send("GET", "/pipeline", token: "aip_deadbeef_" + String(repeating: "A", count: 43))
            #expect(wrong.status == 401)
            let failures = try server.store.auditEntries(AuditQuery(type: .authFailure, since: nil, until: nil, tokenName: nil, limit: 10))
            #expect(failures.count == 3)
            #expect(failures.allSatisfy { $0.clientIP == "127.0.0.1" && $0.resource == "/pipeline" })
        }
    }

    @Test("Five failures from one address raise one security alert")
    func securityAlert() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            for _ in 0..<7 {
                #expect(try await server.client.send("GET", "/assets", token: "nope").status == 401)
            }
            let alerts = try server.store.auditEntries(AuditQuery(type: .securityAlert, since: nil, until: nil, tokenName: nil, limit: 10))
            #expect(alerts.count == 1)
        }
    }

    @Test("Viewer reads, producer writes, admin administers: 403 below the route's role")
    func roles() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let viewer = server.token(.viewer), producer = server.token(.producer), admin = server.token(.admin)
            let run = #"{"script": "A short test."}"#
            #expect(try await server.client.send("GET", "/pipeline", token: viewer).status == 200)
            #expect(try await server.client.send("GET", "/presets", token: viewer).status == 200)
            #expect(try await server.client.send("POST", "/pipeline/run", token: viewer, json: run).status == 403)
            #expect(try await server.client.send("POST", "/assets?name=x", token: viewer, body: Data("x".utf8)).status == 403)
            #expect(try await server.client.send("DELETE", "/assets/" + String(repeating: "a", count: 64), token: viewer).status == 403)
            #expect(try await server.client.send("GET", "/admin/tokens", token: viewer).status == 403)
            #expect(try await server.client.send("GET", "/admin/tokens", token: producer).status == 403)
            #expect(try await server.client.send("GET", "/admin/audit", token: producer).errorCode == "forbidden")
            #expect(try await server.client.send("POST", "/pipeline/run", token: producer, json: run).status == 202)
            #expect(try await server.client.send("GET", "/admin/tokens", token: admin).status == 200)
            #expect(try await server.client.send("POST", "/pipeline/run", token: admin, json: run).status == 202)
        }
    }

    @Test("/health and /openapi.json are open; everything else needs a token")
    func openRoutes() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let health = try await server.client.send("GET", "/health")
            #expect(health.status == 200)
            #expect(health.json["database"] as? String == "ok")
            #expect(health.json["queue_depth"] as? Int == 0)
            #expect(try await server.client.send("GET", "/openapi.json").status == 200)
            #expect(try await server.client.send("GET", "/metrics").status == 401)
            #expect(try await server.client.send("GET", "/presets").status == 401)
        }
    }

    @Test("A revoked token is refused at once; creating and revoking are audited as config changes")
    func revoke() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let admin = server.token(.admin)
            let created = try await server.client.send("POST", "/admin/tokens", token: admin, json: #"{"name": "ci", "role": "viewer"}"#)
            #expect(created.status == 201)
            let secret = try #require(created.json["secret"] as? String)
            let id = try #require((created.json["token"] as? [String: Any])?["id"] as? String)
            #expect(try await server.client.send("GET", "/pipeline", token: secret).status == 200)
            let list = try await server.client.send("GET", "/admin/tokens", token: admin)
            #expect(!list.text.contains(secret))
            #expect(try await server.client.send("DELETE", "/admin/tokens/\(id)", token: admin).status == 200)
            #expect(try await server.client.send("GET", "/pipeline", token: secret).status == 401)
            let changes = try server.store.auditEntries(AuditQuery(type: .configChange, since: nil, until: nil, tokenName: "test-admin", limit: 10))
            #expect(changes.count == 2)
            let audit = try await server.client.send("GET", "/admin/audit?type=config_change&token=test-admin", token: admin)
            #expect((audit.json["entries"] as? [Any])?.count == 2)
        }
    }

    @Test("An admin token cannot revoke itself (409): another admin must, so nobody locks themselves out")
    func revokeSelf() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let created = try await server.client.send("POST", "/admin/tokens", token: server.token(.admin), json: #"{"name": "ops", "role": "admin"}"#)
            let secret = try #require(created.json["secret"] as? String)
            let id = try #require((created.json["token"] as? [String: Any])?["id"] as? String)
            let refused = try await server.client.send("DELETE", "/admin/tokens/\(id)", token: secret)
            #expect(refused.status == 409)
            #expect((refused.json["error"] as? [String: Any])?["code"] as? String == "conflict")
            #expect(try await server.client.send("GET", "/admin/tokens", token: secret).status == 200, "still valid")
            #expect(try await server.client.send("DELETE", "/admin/tokens/\(id)", token: server.token(.admin)).status == 200)
        }
    }
}
