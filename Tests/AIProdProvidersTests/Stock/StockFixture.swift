import AIProdCore
import AIProdMedia
import AIProdProviders
import Foundation
import Hummingbird
import Logging

/// Runs the stock and sound clients the way a stage does — on a thread of their own, with a
/// session that records its calls and logs into a capture — for the Stock and Sound suites.
enum StockFixture {
    /// What a test reads back after a call.
    struct Run<Value: Sendable>: Sendable {
        var result: Result<Value, ProviderError>
        var calls: [ProviderCall]
        var lines: [String]

        var error: ProviderError? {
            if case .failure(let error) = result { return error }
            return nil
        }
    }

    static func run<Value: Sendable>(stage: StageName, cache: ProviderCache? = nil, cancellation: RenderCancellation = RenderCancellation(),
                                     _ call: @escaping @Sendable (ProviderSession) throws(ProviderError) -> Value) async -> Run<Value> {
        let log = CallLog(), capture = LogCapture()
        let result = await blocking { () -> Result<Value, ProviderError> in
            let session = ProviderSession(stage: stage, cancellation: cancellation, cache: cache, logger: capture.logger()) { log.record($0) }
            do throws(ProviderError) {
                return .success(try call(session))
            } catch {
                return .failure(error)
            }
        }
        return Run(result: result, calls: log.all, lines: capture.all)
    }

    /// A landscape 1280×720 photo query.
    static func query(_ keywords: [String] = ["red", "barn"], orientation: StockOrientation = .landscape, width: Int = 1_280, height: Int = 720,
                      video: Bool = false, minSeconds: Double = 0, seed: UInt64 = 7) -> StockQuery {
        StockQuery(keywords: keywords, orientation: orientation, minWidth: width, minHeight: height, video: video, minSeconds: minSeconds, seed: seed)
    }

    static func find(_ config: ProviderConfig, _ query: StockQuery, cache: ProviderCache? = nil) async -> Run<StockMedia?> {
        let client = PexelsClient(transport: ProviderTransport(config: config, backoffSeconds: 0.05))
        return await run(stage: .visuals, cache: cache) { session throws(ProviderError) in try client.find(query, session: session) }
    }

    /// The fake's config with retries, timeout and price as a test needs them.
    static func pexels(_ url: String, retries: Int = 2, timeout: Double = 300, usdPer1kUnits: Double = 0) -> ProviderConfig {
        var config = FakePexelsServer.config(url, usdPer1kUnits: usdPer1kUnits)
        config.retries = retries
        config.timeoutSeconds = timeout
        return config
    }

    /// The value of `name` in a URL's query, percent-decoded.
    static func parameter(_ name: String, of url: URL) -> String? {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == name }?.value
    }

    /// A provider answering call `n` (from 1) of `method path` with `answer(n, base)` (base:
    /// `http://HOST:PORT`, for links back to it), and serving each of `files` (path → bytes
    /// and content type) as is.
    static func serving<T: Sendable>(_ path: String, method: HTTPRequest.Method = .get, files: [String: (data: Data, type: String)] = [:],
                                     answer: @escaping @Sendable (Int, String) async throws -> Response,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let counter = Counter()
        return try await FakeProviderServer.serving({ router, server in
            router.on(RouterPath(path), method: method) { request, _ -> Response in
                _ = try await server.remember(request)
                return try await answer(await counter.next(), "http://\(request.head.authority ?? "")")
            }
            for (file, content) in files {
                router.get(RouterPath(file)) { request, _ -> Response in
                    _ = try await server.remember(request)
                    return FakeProviderServer.bytes(content.data, contentType: content.type)
                }
            }
        }, body)
    }
}
