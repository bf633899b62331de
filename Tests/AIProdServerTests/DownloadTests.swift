import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: downloads from the job folder")
struct DownloadTests {
    @Test("The video whole (200), by Range (206 + Content-Range), a suffix range, and out of range (416); audited")
    func ranges() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let id = try #require(try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: #"{"script": "Hello."}"#).json["id"] as? String)
            let viewer = server.token(.viewer)
            #expect(try await server.client.send("GET", "/pipeline/\(id)/video", token: viewer).status == 404)
            let bytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            try FileManager.default.createDirectory(atPath: "\(server.dataDirectory)/jobs/\(id)", withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: "\(server.dataDirectory)/jobs/\(id)/video.mp4"))
            try Data("1\n00:00:00,000 --> 00:00:01,000\nHello.\n".utf8).write(to: URL(fileURLWithPath: "\(server.dataDirectory)/jobs/\(id)/subtitles.srt"))

            let whole = try await server.client.send("GET", "/pipeline/\(id)/video", token: viewer)
            #expect(whole.status == 200)
            #expect(whole.body == bytes)
            #expect(whole.header("Accept-Ranges") == "bytes")
            #expect(whole.header("Content-Type") == "video/mp4")
            let part = try await server.client.send("GET", "/pipeline/\(id)/video", token: viewer, headers: ["Range": "bytes=100-299"])
            #expect(part.status == 206)
            #expect(part.header("Content-Range") == "bytes 100-299/5000")
            #expect(part.body == bytes[100...299])
            let tail = try await server.client.send("GET", "/pipeline/\(id)/video", token: viewer, headers: ["Range": "bytes=-10"])
            #expect(tail.status == 206)
            #expect(tail.body == bytes.suffix(10))
            let open = try await server.client.send("GET", "/pipeline/\(id)/video", token: viewer, headers: ["Range": "bytes=4990-"])
            #expect(open.body == bytes.suffix(10))
            let beyond = try await server.client.send("GET", "/pipeline/\(id)/video", token: viewer, headers: ["Range": "bytes=6000-7000"])
            #expect(beyond.status == 416)
            #expect(beyond.header("Content-Range") == "bytes */5000")
            let srt = try await server.client.send("GET", "/pipeline/\(id)/subtitles.srt", token: viewer)
            #expect(srt.status == 200)
            #expect(srt.text.contains("Hello."))
            #expect(try await server.client.send("GET", "/pipeline/\(id)/qa", token: viewer).status == 404)
            let access = try server.store.auditEntries(AuditQuery(type: .dataAccess, since: nil, until: nil, tokenName: "test-viewer", limit: 20))
            #expect(access.count == 6)
            #expect(access.contains { $0.resource == "/pipeline/\(id)/subtitles.srt" })
        }
    }
}
