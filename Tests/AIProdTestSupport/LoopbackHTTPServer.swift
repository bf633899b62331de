import Hummingbird
import Logging

/// A real HTTP server on 127.0.0.1 at a free port, for the one kind of fake the tests allow: a
/// remote service (a webhook receiver, an AI provider) speaking its real API on loopback.
public enum LoopbackHTTPServer {
    /// Runs `router` until `body`, given the base URL (`http://127.0.0.1:PORT`), returns or
    /// throws; then stops the server. Its own logging is silenced: stopping it mid-request logs
    /// errors that are not the test's.
    public static func serving<T: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        var quiet = Logger(label: "loopback-server")
        quiet.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) }, logger: quiet)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
            defer { group.cancelAll() }
            return try await body("http://127.0.0.1:\(port)")
        }
    }
}
