import Foundation
import Hummingbird
import AIProdTestSupport

/// A real HTTP server on loopback standing in for a remote provider (the one kind of fake these
/// tests allow): each test gives it a router that answers as the provider's public API does,
/// and reads back what it received (`requests`).
final class FakeProviderServer: Sendable {
    /// One request as the fake received it.
    struct Received: Sendable {
        var method: String
        var path: String
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data
    }

    private let log = RequestLog()

    /// What the fake received so far, in order.
    func requests() async -> [Received] { await log.all }

    func remember(_ request: Request) async throws -> Received {
        let buffer = try await request.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let received = Received(method: request.method.rawValue, path: request.uri.path, headers: headers,
                                body: Data(buffer.readableBytesView))
        await log.append(received)
        return received
    }

    /// Runs a server whose routes `configure` adds (each route should call `remember` first),
    /// calls `body` with the server and its base URL (`http://127.0.0.1:PORT`), then stops it.
    static func serving<T: Sendable>(
        _ configure: (Router<BasicRequestContext>, FakeProviderServer) -> Void,
        _ body: @Sendable (FakeProviderServer, String) async throws -> T
    ) async throws -> T {
        let server = FakeProviderServer()
        let router = Router()
        configure(router, server)
        return try await LoopbackHTTPServer.serving(router) { base in try await body(server, base) }
    }

    /// A JSON reply.
    static func json(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A reply of raw bytes.
    static func bytes(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The fake's received requests, behind an actor (Hummingbird answers on several threads).
actor RequestLog {
    private(set) var all: [FakeProviderServer.Received] = []

    func append(_ received: FakeProviderServer.Received) {
        all.append(received)
    }
}
