import AIProdCore
import AIProdMedia
import AIProdProviders
import Foundation
import Hummingbird
import Logging

/// What the image and motion tests share: provider sections for the fakes, and blocking calls
/// made from an async test on a thread of their own.
enum ImagesFixture {
    static let key = "img-key-0123456789abcdef"

    /// Generous timeouts unless a test is about them: under a full parallel run a loopback
    /// handler can wait long for a thread. Polls are quick so the tests are.
    static func config(_ kind: ProviderKind, url: String, model: String = "", retries: Int = 0, timeout: Double = 300,
                       maxBytes: Int? = nil, workflow: String? = nil, usdPer1kUnits: Double = 40, key: String? = ImagesFixture.key) -> ProviderConfig {
        var config = ProviderConfig(name: "pictures", kind: kind, url: url, model: model, key: key.map(ProviderKey.init), usdPer1kUnits: usdPer1kUnits)
        config.retries = retries
        config.timeoutSeconds = timeout
        config.workflow = workflow
        config.pollSeconds = 0.05
        config.maxWaitSeconds = 240
        if let maxBytes { config.maxResponseBytes = maxBytes }
        return config
    }

    static func quiet() -> Logger { Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }) }

    /// `images.generate` on a thread of its own.
    static func generate(_ images: RemoteImages, _ request: ImageRequest, log: CallLog = CallLog(), cache: ProviderCache? = nil,
                         cancellation: RenderCancellation = RenderCancellation(), logger: Logger = quiet()) async -> Result<GeneratedImage, ProviderError> {
        await blocking {
            let session = ProviderSession(stage: .visuals, cancellation: cancellation, cache: cache, logger: logger) { log.record($0) }
            do throws(ProviderError) {
                return .success(try images.generate(request, session: session))
            } catch {
                return .failure(error)
            }
        }
    }

    static func images(_ config: ProviderConfig) throws -> RemoteImages {
        try RemoteImages(transport: ProviderTransport(config: config, backoffSeconds: 0.05))
    }

    static func failure<T>(_ result: Result<T, ProviderError>) -> ProviderError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    /// The JSON object a request body holds.
    static func object(_ body: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
    }

    /// The size of a picture or video libav decodes whole (nil: it does not), the way the
    /// visuals stage will read the file.
    static func decodedSize(_ data: Data, extension ext: String) -> (width: Int, height: Int)? {
        let path = FileManager.default.temporaryDirectory.path + "/aiprod-images-test-\(UUID().uuidString).\(ext)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard (try? data.write(to: URL(fileURLWithPath: path))) != nil,
              let probe = try? MediaProbe(decode: true, measureLoudness: false).probe(path), probe.decodeError == nil,
              let video = probe.stream("video"), let width = video.width, let height = video.height else { return nil }
        return (width, height)
    }

    /// A task API on loopback answering every submission (`POST submitPath`) with `submit` and
    /// every poll (`GET statusPath`, a route pattern) with `status`: hostile replies, scripted.
    static func scriptedTask<T: Sendable>(submitPath: String, submit: String, statusPath: String, status: String,
                                          _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            router.post(RouterPath(submitPath)) { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(submit)
            }
            router.get(RouterPath(statusPath)) { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(status)
            }
        }, body)
    }
}
