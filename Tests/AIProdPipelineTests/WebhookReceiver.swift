import AIProdTestSupport
import Foundation
import Hummingbird
import Logging

/// A real HTTP server on loopback standing in for a studio's webhook receiver (the one remote
/// service of these tests): answers each POST with the next scripted status and keeps what it
/// received.
actor WebhookReceiver {
    struct Delivery: Sendable {
        var headers: [String: String]
        var body: Data
    }

    private var statuses: [Int]
    private(set) var deliveries: [Delivery] = []

    init(statuses: [Int]) {
        self.statuses = statuses
    }

    func receive(headers: [String: String], body: Data) -> Int {
        deliveries.append(Delivery(headers: headers, body: body))
        return statuses.isEmpty ? 200 : statuses.removeFirst()
    }

    /// Runs a server with `/hook` (scripted statuses; header names kept lower-cased), `/slow` (answers after 20 s), `/big`
    /// (a 1 MB reply) and `/moved` (a redirect to `/hook`), calls `body` with its base URL,
    /// then stops it.
    static func serving<T: Sendable>(statuses: [Int], _ body: @Sendable (WebhookReceiver, String) async throws -> T) async throws -> T {
        let receiver = WebhookReceiver(statuses: statuses)
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let status = await receiver.receive(headers: headers, body: Data(buffer.readableBytesView))
            return Response(status: .init(code: status))
        }
        router.post("slow") { _, _ -> Response in
            try await Task.sleep(nanoseconds: 20_000_000_000)
            return Response(status: .ok)
        }
        router.post("big") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 0x61, count: 1 << 20)))
        }
        router.post("moved") { _, _ -> Response in
            Response(status: .found, headers: [.location: "/hook"])
        }
        return try await LoopbackHTTPServer.serving(router) { base in try await body(receiver, base) }
    }
}
