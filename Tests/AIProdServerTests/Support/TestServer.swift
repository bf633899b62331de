import AIProdCore
import AIProdServer
import AIProdStore
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging

/// A real server on a loopback port (0: the kernel picks), over a real SQLite file in a
/// scratch folder, with one token per role. `withServer` runs the body and stops the server.
struct TestServer: Sendable {
    let port: Int
    let store: SQLiteStore
    let settings: ServerSettings
    let tokens: [TokenRole: String]
    let client: TestClient
    /// This server's own registry (none is shared between test servers).
    let metrics: ServerMetrics

    var dataDirectory: String { settings.dataDirectory }

    func token(_ role: TokenRole) -> String { tokens[role] ?? "" }

    static func withServer(
        _ scratch: ScratchDirectory,
        configure: (inout ServerSettings) -> Void = { _ in },
        rateLimiter: RateLimiter = .disabled,
        metrics: ServerMetrics = ServerMetrics(),
        _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        var settings = ServerSettings(host: "127.0.0.1", port: 0, maxBodyBytes: 64 * 1024, maxUploadBytes: 1 << 20, dataDirectory: scratch.file("data"))
        configure(&settings)
        try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)
        var logger = Logger(label: "aiprod-test")
        logger.logLevel = .critical
        let store = try SQLiteStore(
            path: scratch.file("aiprod.sqlite3"), synchronous: .normal,
            queue: QueueOptions(leaseSeconds: 60, backoffBase: 2, backoffCap: 300), logger: logger
        )
        var tokens: [TokenRole: String] = [:]
        for role in TokenRole.allCases {
            tokens[role] = try store.createToken(name: "test-\(role.rawValue)", role: role, now: Date()).secret
        }
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = buildApplication(
            settings: settings, store: store, planner: StudioPlanning(), prober: MediaProbing(), logger: logger,
            rateLimiter: rateLimiter, metrics: metrics,
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw TestServerError.noPort }
            let server = TestServer(port: port, store: store, settings: settings, tokens: tokens, client: TestClient(port: port), metrics: metrics)
            defer { group.cancelAll() }
            try await body(server)
        }
    }
}

enum TestServerError: Error { case noPort }
