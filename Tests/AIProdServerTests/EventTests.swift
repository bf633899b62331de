import AIProdCore
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Server: server-sent events")
struct EventTests {
    @Test("The stream sends the state, progress as the worker reports it, and ends at a terminal state")
    func stream() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let id = try #require(try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: #"{"script": "Hello there."}"#).json["id"] as? String)
            let jobID = try #require(JobID(rawValue: id))
            let client = StreamingClient(port: server.port, path: "/pipeline/\(id)/events", token: server.token(.viewer))
            var iterator = client.chunks.makeAsyncIterator()
            var text = ""
            // The job's state comes first, at once.
            while !text.contains("\n\n"), let chunk = await iterator.next() {
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect(text.hasPrefix("event: state\ndata: {"))
            #expect(text.contains("\"state\":\"queued\""))
            // The worker's side, through the real store: claim, report progress, then honour a cancel.
            let claimed = try #require(try server.store.claim(worker: "w1", now: Date()))
            #expect(claimed.job.id == jobID)
            for step in 1...4 {
                try server.store.progress(jobID, JobProgress(stage: .narrate, fraction: Double(step) / 4))
            }
            _ = try server.store.cancel(jobID, now: Date())
            try server.store.markCanceled(jobID, worker: "w1", now: Date())
            while let chunk = await iterator.next() {
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect(text.contains("event: progress\ndata: {"))
            #expect(text.contains("\"stage\":\"narrate\""))
            let lastState = try #require(text.components(separatedBy: "event: state\n").last)
            #expect(lastState.contains("\"state\":\"canceled\""))
            #expect(text.components(separatedBy: "event: progress").count == 5)
            // The stream's subscription is gone once it ended.
            for _ in 0..<200 where server.store.events.subscriberCount > 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(server.store.events.subscriberCount == 0)
        }
    }

    @Test("A finished job's stream is its state alone; an unknown job is 404")
    func terminal() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let id = try #require(try await server.client.send("POST", "/pipeline/run", token: server.token(.producer), json: #"{"script": "Hi."}"#).json["id"] as? String)
            _ = try await server.client.send("POST", "/pipeline/\(id)/cancel", token: server.token(.producer))
            let response = try await server.client.send("GET", "/pipeline/\(id)/events", token: server.token(.viewer), timeout: 10)
            #expect(response.header("Content-Type")?.hasPrefix("text/event-stream") == true)
            #expect(response.text.components(separatedBy: "event: ").count == 2)
            #expect(response.text.contains("\"state\":\"canceled\""))
            #expect(try await server.client.send("GET", "/pipeline/job_\(String(repeating: "z", count: 26))/events", token: server.token(.viewer)).status == 404)
        }
    }
}
