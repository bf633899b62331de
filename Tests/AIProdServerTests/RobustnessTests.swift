import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: garbage on every route is a 4xx JSON error, never a 5xx")
struct RobustnessTests {
    static let bodies: [Data] = [
        Data(), Data("null".utf8), Data("[]".utf8), Data("\"text\"".utf8), Data("{".utf8), Data([0, 0xFF, 0xFE, 0x80]),
        Data(#"{"script": {}}"#.utf8), Data(#"{"script": "x", "seed": -1}"#.utf8), Data(#"{"script": "x", "seed": 1e400}"#.utf8),
        Data(#"{"script": "x", "duration": "1/0"}"#.utf8), Data(#"{"script": "x", "duration": -5}"#.utf8),
        Data(#"{"prompt": "x", "script": "y"}"#.utf8), Data(#"{"prompt": 7}"#.utf8), Data(#"{"script": "\u0000"}"#.utf8),
        Data((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8),
        Data(#"{"timeline": {"output": {"width": 99999999999999999999, "height": 1, "fps": 0}, "video": {"clips": []}}}"#.utf8),
        Data(#"{"name": "../x", "role": "god"}"#.utf8), Data(#"{"name": 1, "role": "viewer"}"#.utf8),
    ]

    static let paths: [(String, String)] = [
        ("POST", "/pipeline/run"), ("POST", "/pipeline/plan"), ("POST", "/cost/estimate"), ("POST", "/timeline/render"),
        ("POST", "/admin/tokens"), ("POST", "/assets?name=%00"), ("POST", "/pipeline/job_%2e%2e/cancel"),
        ("GET", "/pipeline?limit=99999999999999999999999&cursor=%00"), ("GET", "/pipeline?cursor=zzz"),
        ("GET", "/assets?cursor=" + String(repeating: "f", count: 64)), ("GET", "/admin/audit?until=1e308&type=%FF"),
        ("GET", "/pipeline/%00/video"), ("GET", "/pipeline/" + String(repeating: "a", count: 5000)), ("DELETE", "/admin/tokens/%2F%2E%2E"),
        ("GET", "/admin/dead?limit=0"), ("POST", "/pipeline/job_aaaaaaaaaaaaaaaaaaaaaaaaaa/retry"),
    ]

    @Test("Hostile bodies and parameters on every kind of route")
    func garbage() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let admin = server.token(.admin)
            for (method, path) in Self.paths {
                for body in method == "POST" ? Self.bodies : [Data()] {
                    let response = try await server.client.send(method, path, token: admin, body: body, headers: ["Content-Type": "application/json"])
                    #expect((400..<500).contains(response.status), "\(method) \(path) \(String(decoding: body.prefix(60), as: UTF8.self)) → \(response.status) \(response.text.prefix(200))")
                    #expect(response.errorCode != nil, "\(method) \(path) answered \(response.text.prefix(200))")
                }
            }
            // MultipartKit 4.7.1 trapped on this one (a byte above 0x7F in a part's header name).
            let multipart = Data("--x1\r\n\u{00c2}\u{009e}\u{00bc}: 2\r\n\r\nabc\r\n--x1--\r\n".utf8)
            for body in [multipart, Data("--x1--\r\n".utf8), Data("--x1\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".utf8)] {
                let response = try await server.client.send("POST", "/assets", token: admin, body: body, headers: ["Content-Type": "multipart/form-data; boundary=x1"])
                #expect(response.status == 400, "\(response.text)")
            }
            let health = try await server.client.send("GET", "/health")
            #expect(health.status == 200)
        }
    }
}
