import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: request ids and traceparent")
struct RequestIDTests {
    @Test("A sane X-Request-ID is echoed; a hostile or missing one is replaced by a fresh id; errors carry it too")
    func echoed() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let kept = try await server.client.send("GET", "/health", headers: ["X-Request-ID": "studio-42.render:7"])
            #expect(kept.header("X-Request-ID") == "studio-42.render:7")
            let made = try await server.client.send("GET", "/health")
            let first = try #require(made.header("X-Request-ID"))
            #expect(first.count == 36 && first == first.lowercased())
            let again = try await server.client.send("GET", "/health")
            #expect(again.header("X-Request-ID") != first, "each request gets its own id")
            for hostile in [String(repeating: "a", count: 129), "a\"b", "x y", "{}"] {
                let replaced = try await server.client.send("GET", "/health", headers: ["X-Request-ID": hostile])
                let id = try #require(replaced.header("X-Request-ID"))
                #expect(id != hostile && id.count == 36, "\(hostile) → \(id)")
            }
            let unauthorized = try await server.client.send("GET", "/pipeline", headers: ["X-Request-ID": "r-401"])
            #expect(unauthorized.status == 401 && unauthorized.header("X-Request-ID") == "r-401")
            let missing = try await server.client.send("GET", "/nowhere", headers: ["X-Request-ID": "r-404"])
            #expect(missing.status == 404 && missing.header("X-Request-ID") == "r-404")
        }
    }

    @Test("A valid traceparent's trace id is stored with the job it submits; an invalid one is dropped, never an error")
    func traceStored() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let producer = server.token(.producer)
            let run = #"{"script": "A short test."}"#
            let traced = try await server.client.send("POST", "/pipeline/run", token: producer, json: run,
                                                      headers: ["traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"])
            #expect(traced.status == 202)
            let tracedID = try #require((traced.json["id"] as? String).flatMap(JobID.init(rawValue:)))
            #expect(try server.store.job(tracedID).traceID == "0af7651916cd43dd8448eb211c80319c")
            let bad = try await server.client.send("POST", "/pipeline/run", token: producer, json: run,
                                                   headers: ["traceparent": "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"])
            #expect(bad.status == 202)
            let badID = try #require((bad.json["id"] as? String).flatMap(JobID.init(rawValue:)))
            #expect(try server.store.job(badID).traceID == nil)
        }
    }
}
