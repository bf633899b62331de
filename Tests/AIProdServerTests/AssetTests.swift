import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: assets")
struct AssetTests {
    @Test("Upload a PNG raw and a WAV as multipart: typed by probing, stored by hash, listed, read, deleted")
    func lifecycle() async throws {
        let scratch = ScratchDirectory()
        let png = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.png(in: scratch, name: "pic.png", width: 32, height: 16)))
        let wav = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.wav(in: scratch, name: "tone.wav", sampleRate: 48_000, channels: 1, seconds: 0.2)))
        try await TestServer.withServer(scratch) { server async throws in
            let producer = server.token(.producer)
            let image = try await server.client.send("POST", "/assets?name=pic.png&tags=sea,%20dawn", token: producer, body: png)
            #expect(image.status == 201)
            let imageID = try #require(image.json["id"] as? String)
            #expect(imageID == Self.sha256Hex(png))
            #expect(image.json["kind"] as? String == "image")
            #expect(image.json["tags"] as? [String] == ["sea", "dawn"])
            #expect(image.json["bytes"] as? Int == png.count)
            let stored = AssetFolder(root: server.dataDirectory + "/assets").path(for: imageID)
            #expect(FileManager.default.contents(atPath: stored) == png)

            let again = try await server.client.send("POST", "/assets?name=other.png", token: producer, body: png)
            #expect(again.status == 200)
            #expect(again.json["name"] as? String == "pic.png")

            let boundary = "XyZ-boundary-123"
            var form = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\ntone\r\n".utf8)
            form.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nbeep\r\n".utf8))
            form.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tone.wav\"\r\nContent-Type: audio/wav\r\n\r\n".utf8))
            form.append(wav)
            form.append(Data("\r\n--\(boundary)--\r\n".utf8))
            let audio = try await server.client.send("POST", "/assets", token: producer, body: form,
                                                     headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"])
            #expect(audio.status == 201)
            #expect(audio.json["kind"] as? String == "audio")
            #expect(audio.json["name"] as? String == "tone")
            #expect(audio.json["bytes"] as? Int == wav.count)
            let audioID = try #require(audio.json["id"] as? String)

            let list = try await server.client.send("GET", "/assets", token: server.token(.viewer))
            #expect(Set((list.json["assets"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) == [imageID, audioID])
            #expect(try await server.client.send("GET", "/assets/\(audioID)", token: server.token(.viewer)).json["name"] as? String == "tone")
            #expect(try await server.client.send("DELETE", "/assets/\(audioID)", token: producer).status == 204)
            #expect(try await server.client.send("GET", "/assets/\(audioID)", token: server.token(.viewer)).status == 404)
            #expect(try await server.client.send("DELETE", "/assets/\(audioID)", token: producer).status == 404)
            #expect(scratch.contents(of: "data/tmp").isEmpty)
        }
    }

    @Test("Not media: 415; over [server] max_upload_bytes: 413; names with separators or ..: 400; nothing left in tmp")
    func refused() async throws {
        let scratch = ScratchDirectory()
        let junk = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.randomBytes(in: scratch, name: "junk.png", count: 4096)))
        try await TestServer.withServer(scratch, configure: { $0.maxUploadBytes = 64 * 1024 }) { server async throws in
            let producer = server.token(.producer)
            let notMedia = try await server.client.send("POST", "/assets?name=junk.png", token: producer, body: junk)
            #expect(notMedia.status == 415)
            #expect(notMedia.errorCode == "unsupported_media")
            #expect(!notMedia.text.contains(server.dataDirectory), "the server's paths stay inside: \(notMedia.text)")
            let big = try await server.client.send("POST", "/assets?name=big.wav", token: producer, body: Data(count: 200 * 1024))
            #expect(big.status == 413)
            for name in ["a%2Fb.png", "..", "a%5Cb", "x%00y", "..%2F..%2Fetc"] {
                let response = try await server.client.send("POST", "/assets?name=\(name)", token: producer, body: junk)
                #expect(response.status == 400, "name \(name)")
                #expect(response.errorField == "name")
            }
            #expect(try await server.client.send("POST", "/assets?name=empty", token: producer).status == 400)
            #expect(try server.store.assets(limit: 10, cursor: nil).isEmpty)
            #expect(scratch.contents(of: "data/tmp").isEmpty)
        }
    }

    @Test("A Timeline whose media are asset ids is queued; a path or an unknown id is refused naming the field")
    func timelineRender() async throws {
        let scratch = ScratchDirectory()
        let png = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.png(in: scratch, name: "pic.png", width: 32, height: 32)))
        try await TestServer.withServer(scratch) { server async throws in
            let producer = server.token(.producer)
            let id = try #require(try await server.client.send("POST", "/assets?name=pic.png", token: producer, body: png).json["id"] as? String)
            func timeline(_ file: String) -> String {
                #"{"timeline": {"output": {"width": 640, "height": 360, "fps": 25}, "video": {"clips": [{"duration": 2, "image": {"file": "\#(file)"}}]}}, "title": "t"}"#
            }
            let queued = try await server.client.send("POST", "/timeline/render", token: producer, json: timeline(id))
            #expect(queued.status == 202)
            let jobIDRaw = try #require(queued.json["id"] as? String)
            let jobID = try #require(JobID(rawValue: jobIDRaw))
            #expect(try server.store.job(jobID).spec.assetIds == [id])
            let path = try await server.client.send("POST", "/timeline/render", token: producer, json: timeline("/etc/passwd"))
            #expect(path.status == 422)
            #expect(path.errorField == "timeline.video.clips[0].image.file")
            let unknown = try await server.client.send("POST", "/timeline/render", token: producer, json: timeline(String(repeating: "e", count: 64)))
            #expect(unknown.status == 422)
            #expect(unknown.errorCode == "unknown_asset")
            let withScript = try await server.client.send("POST", "/timeline/render", token: producer, json: #"{"script": "x"}"#)
            #expect(withScript.status == 400)
        }
    }

    static func sha256Hex(_ data: Data) -> String {
        // Independent of the server's hashing: the system's sha256sum.
        let scratch = ScratchDirectory()
        let path = scratch.file("blob")
        _ = FileManager.default.createFile(atPath: path, contents: data)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return String(output.prefix(64))
    }
}
