import AIProdMedia
import Foundation
import Hummingbird

/// Runway's API on loopback, as its public docs describe it: `POST /v1/image_to_video`
/// answers `{id}`; `GET /v1/tasks/{id}` answers `{id, status, createdAt, …}` — `PENDING`,
/// then `RUNNING` with a `progress`, then `SUCCEEDED` with `output: [url]` (a real small MP4
/// served under `/files/`) or `FAILED` with `failure` and `failureCode`. Both refuse a request
/// without `X-Runway-Version`.
enum FakeRunwayServer {
    enum Outcome: Sendable {
        /// Works for this many polls, then succeeds.
        case succeed(afterPolls: Int)
        /// Works for this many polls, then fails with this message and code.
        case fail(afterPolls: Int, failure: String, code: String)
        /// Works forever.
        case never
        /// Succeeds at once with this `output` array (JSON text), for hostile links.
        case output(String)
    }

    /// A real one-second 160×90 H.264 MP4, made by libav once per test process.
    static let video: Data = {
        let path = FileManager.default.temporaryDirectory.path + "/aiprod-fake-runway-\(UUID().uuidString).mp4"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try! SyntheticMedia().write(video: "testsrc2=s=160x90:r=10:d=1", to: path)
        return try! Data(contentsOf: URL(fileURLWithPath: path))
    }()

    /// `file`: the bytes served as the video (default ``video``).
    static func serving<T: Sendable>(_ outcome: Outcome, file: Data? = nil,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let polls = PollCounts()
        let served = file ?? video
        return try await FakeProviderServer.serving({ router, server in
            router.post("v1/image_to_video") { request, _ -> Response in
                let received = try await server.remember(request)
                guard received.headers["x-runway-version"] == "2024-11-06" else {
                    return FakeProviderServer.json(#"{"error": "X-Runway-Version header is required"}"#, status: .badRequest)
                }
                guard let object = try? JSONSerialization.jsonObject(with: received.body) as? [String: Any],
                      (object["promptImage"] as? String)?.hasPrefix("data:image/") == true, object["model"] is String,
                      object["ratio"] is String, object["duration"] is Int else {
                    return FakeProviderServer.json(#"{"error": "Validation of body failed"}"#, status: .badRequest)
                }
                let id = UUID().uuidString.lowercased()
                await polls.start(id)
                return FakeProviderServer.json(#"{"id": "\#(id)"}"#)
            }
            router.get("v1/tasks/:id") { request, context -> Response in
                let received = try await server.remember(request)
                guard received.headers["x-runway-version"] == "2024-11-06" else {
                    return FakeProviderServer.json(#"{"error": "X-Runway-Version header is required"}"#, status: .badRequest)
                }
                guard let id = context.parameters.get("id"), let count = await polls.next(id) else {
                    return FakeProviderServer.json(#"{"error": "Task not found"}"#, status: .notFound)
                }
                let working = #"{"id": "\#(id)", "status": "\#(count == 1 ? "PENDING" : "RUNNING")", "createdAt": "2026-11-30T12:00:00.000Z", "progress": 0.5}"#
                switch outcome {
                case .never:
                    return FakeProviderServer.json(working)
                case .succeed(let after):
                    guard count > after else { return FakeProviderServer.json(working) }
                    let link = "http://\(request.head.authority ?? "127.0.0.1")/files/\(id).mp4"
                    return FakeProviderServer.json(#"{"id": "\#(id)", "status": "SUCCEEDED", "createdAt": "2026-11-30T12:00:00.000Z", "output": ["\#(link)"]}"#)
                case .fail(let after, let failure, let code):
                    guard count > after else { return FakeProviderServer.json(working) }
                    return FakeProviderServer.json(#"{"id": "\#(id)", "status": "FAILED", "createdAt": "2026-11-30T12:00:00.000Z", "failure": "\#(failure)", "failureCode": "\#(code)"}"#)
                case .output(let output):
                    return FakeProviderServer.json(#"{"id": "\#(id)", "status": "SUCCEEDED", "createdAt": "2026-11-30T12:00:00.000Z", "output": \#(output)}"#)
                }
            }
            router.get("files/:name") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.bytes(served, contentType: "video/mp4")
            }
        }, body)
    }
}

/// How often each task was polled.
actor PollCounts {
    private var counts: [String: Int] = [:]

    func start(_ id: String) {
        counts[id] = 0
    }

    /// The poll's number (from 1), nil for an unknown task.
    func next(_ id: String) -> Int? {
        guard let count = counts[id] else { return nil }
        counts[id] = count + 1
        return count + 1
    }
}
