import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: /openapi.json")
struct OpenAPITests {
    @Test("Parses as OpenAPI 3 JSON and lists every route the server answers, with its methods")
    func document() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let response = try await server.client.send("GET", "/openapi.json")
            #expect(response.status == 200)
            let document = response.json
            #expect((document["openapi"] as? String)?.hasPrefix("3.0") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let expected: [String: Set<String>] = [
                "/pipeline/run": ["post"], "/pipeline": ["get"], "/pipeline/{id}": ["get"], "/pipeline/{id}/cancel": ["post"],
                "/pipeline/{id}/retry": ["post"], "/pipeline/{id}/events": ["get"], "/pipeline/{id}/video": ["get"],
                "/pipeline/{id}/thumbnail": ["get"], "/pipeline/{id}/subtitles.srt": ["get"], "/pipeline/{id}/subtitles.vtt": ["get"],
                "/pipeline/{id}/plan": ["get"], "/pipeline/{id}/timeline": ["get"], "/pipeline/{id}/qa": ["get"],
                "/pipeline/{id}/credits": ["get"],
                "/pipeline/plan": ["post"], "/timeline/render": ["post"], "/cost/estimate": ["post"], "/presets": ["get"],
                "/health": ["get"], "/metrics": ["get"], "/status": ["get"], "/openapi.json": ["get"], "/assets": ["get", "post"],
                "/assets/{id}": ["get", "delete"], "/admin/tokens": ["get", "post"], "/admin/tokens/{id}": ["delete"],
                "/admin/audit": ["get"], "/admin/config": ["get"], "/admin/dead": ["get"],
            ]
            #expect(Set(paths.keys) == Set(expected.keys))
            for (path, methods) in expected {
                #expect(Set(paths[path]?.keys.map { $0 } ?? []) == methods, "\(path)")
            }
            // Every documented operation is really served: none of them is a 404 or 405 route miss.
            for (path, methods) in expected {
                for method in methods {
                    let concrete = path.replacingOccurrences(of: "{id}", with: "job_" + String(repeating: "a", count: 26))
                    let answer = try await server.client.send(method.uppercased(), concrete, token: server.token(.admin), timeout: 10)
                    #expect(answer.status != 405, "\(method) \(path)")
                    #expect(answer.errorCode != "not_found" || answer.json["error"].map { "\($0)".contains("no route") } == false, "\(method) \(path)")
                }
            }
            let run = try #require(paths["/pipeline/run"]?["post"] as? [String: Any])
            let responses = try #require(run["responses"] as? [String: Any])
            #expect(Set(responses.keys).isSuperset(of: ["202", "400", "401", "403", "413", "422"]))
        }
    }
}
