import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

/// `[storage] min_free_bytes` and `max_bytes_per_day` at the door: 507 with a clear error for new
/// jobs and uploads; reads and other writes still work.
@Suite("Server: disk room (507)")
struct DiskRoomTests {
    @Test("Below min_free_bytes (a floor above this disk's free space) new jobs and uploads get 507; reads still answer")
    func belowFloor() async throws {
        let scratch = ScratchDirectory()
        let png = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.png(in: scratch, name: "pic.png", width: 8, height: 8)))
        try await TestServer.withServer(scratch, configure: { $0.minFreeBytes = Int64(1) << 60 }) { server async throws in
            let producer = server.token(.producer)
            let job = try await server.client.send("POST", "/pipeline/run", token: producer, json: #"{"script": "A short test."}"#)
            #expect(job.status == 507)
            #expect(job.errorCode == "insufficient_storage")
            let message = (job.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("min_free_bytes"), "\(message)")
            let upload = try await server.client.send("POST", "/assets?name=pic.png", token: producer, body: png)
            #expect(upload.status == 507 && upload.errorCode == "insufficient_storage")
            #expect(try await server.client.send("GET", "/pipeline", token: producer).status == 200)
            #expect(try server.store.jobs(state: nil, limit: 10, cursor: nil).jobs.isEmpty, "nothing was queued")
        }
        // A floor this disk clears lets the same job in.
        try await TestServer.withServer(ScratchDirectory(), configure: { $0.minFreeBytes = 1 }) { server async throws in
            let job = try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: #"{"script": "A short test."}"#)
            #expect(job.status == 202)
        }
    }

    @Test("max_bytes_per_day counts today's uploads and job folders: over it, 507 daily_quota_exceeded")
    func dailyQuota() async throws {
        let scratch = ScratchDirectory()
        let png = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.png(in: scratch, name: "pic.png", width: 64, height: 64)))
        let other = try Data(contentsOf: URL(fileURLWithPath: HostileFiles.png(in: scratch, name: "other.png", width: 64, height: 63)))
        let size = Int64(png.count)
        try await TestServer.withServer(scratch, configure: { $0.maxBytesPerDay = size + size / 2 }) { server async throws in
            let producer = server.token(.producer)
            #expect(try await server.client.send("POST", "/assets?name=pic.png", token: producer, body: png).status == 201)
            // Another upload of about the same size would pass the cap.
            let second = try await server.client.send("POST", "/assets?name=other.png", token: producer, body: other)
            #expect(second.status == 507 && second.errorCode == "daily_quota_exceeded", "\(second.status) \(second.text)")
            // A job adds nothing at the door: under the cap, it is accepted.
            let run = #"{"script": "A short test."}"#
            let first = try await server.client.send("POST", "/pipeline/run", token: producer, json: run)
            #expect(first.status == 202)
            // Its folder's bytes count once written (as a worker would).
            let id = try #require(first.json["id"] as? String)
            let folder = server.dataDirectory + "/jobs/" + id
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(count: Int(size)).write(to: URL(fileURLWithPath: folder + "/final.mp4"))
            let refused = try await server.client.send("POST", "/pipeline/run", token: producer, json: run)
            #expect(refused.status == 507 && refused.errorCode == "daily_quota_exceeded")
            let message = (refused.json["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("max_bytes_per_day") && message.contains("00:00 UTC"), "\(message)")
        }
    }
}
