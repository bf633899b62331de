import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

/// `kind = openai-images` against the loopback fake of `POST /v1/images/generations`: the
/// request as the API documents it, base64 and link replies, the cache, the cost.
@Suite struct OpenAIImagesTests {
    static let prompt = "A lighthouse on a rock at dusk, watercolour"

    @Test func aLandscapeFrameAsksDallE3ForItsWideSizeAndGetsThePicture() async throws {
        try await FakeImageServer.serving(maxSide: 224) { server, base in
            let log = CallLog()
            let images = try ImagesFixture.images(ImagesFixture.config(.openAIImages, url: base + "/v1", model: "dall-e-3"))
            let image = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1920, height: 1080, seed: 7), log: log).get()
            let sent = try #require(await server.requests().first)
            #expect(sent.method == "POST" && sent.path == "/v1/images/generations")
            #expect(sent.headers["authorization"] == "Bearer \(ImagesFixture.key)")
            let body = ImagesFixture.object(sent.body)
            #expect(body["model"] as? String == "dall-e-3" && body["prompt"] as? String == Self.prompt && body["n"] as? Int == 1)
            #expect(body["size"] as? String == "1792x1024" && body["response_format"] as? String == "b64_json")
            #expect(image.fileExtension == "png" && image.model == "dall-e-3" && image.seed == 7)
            #expect(image.data == (try FakeImagePicture.picture(for: Self.prompt, width: 224, height: 128)))
            #expect(ImagesFixture.decodedSize(image.data, extension: "png")?.width == 224)
            // One picture at 40 USD per 1,000: 0.04.
            #expect(log.all.map(\.outcome) == [.succeeded] && log.all.first?.units == 1 && log.all.first?.usd == 0.04)
            #expect(log.all.first?.unit == .images && log.all.first?.purpose == "image")
        }
    }

    @Test(arguments: [(1080, 1920, "1024x1792"), (1080, 1080, "1024x1024"), (640, 360, "1792x1024")])
    func theSizeKeepsTheFramesOrientation(width: Int, height: Int, size: String) async throws {
        try await FakeImageServer.serving(maxSide: 64) { server, base in
            let images = try ImagesFixture.images(ImagesFixture.config(.openAIImages, url: base + "/v1", model: "dall-e-3"))
            _ = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: width, height: height, seed: 1)).get()
            let sent = try #require(await server.requests().first)
            #expect(ImagesFixture.object(sent.body)["size"] as? String == size)
        }
    }

    @Test func gptImageModelsAreNotSentAResponseFormatAndUseTheirOwnSizes() async throws {
        try await FakeImageServer.serving(maxSide: 64) { server, base in
            let images = try ImagesFixture.images(ImagesFixture.config(.openAIImages, url: base + "/v1", model: "gpt-image-1"))
            let image = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1080, height: 1920, seed: 1)).get()
            let body = ImagesFixture.object(try #require(await server.requests().first).body)
            #expect(body["response_format"] == nil && body["size"] as? String == "1024x1536")
            #expect(image.model == "gpt-image-1")
        }
    }

    /// A server that answers with a link (LocalAI does, whatever the format asked).
    static func linking<T: Sendable>(_ link: @escaping @Sendable (String) -> String,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let picture = try FakeImagePicture.picture(for: prompt, width: 48, height: 32, jpeg: true)
        return try await FakeProviderServer.serving({ router, server in
            router.post("v1/images/generations") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(#"{"created": 1, "data": [{"url": "\#(link(request.head.authority ?? ""))"}]}"#)
            }
            router.get("files/kite.jpg") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.bytes(picture, contentType: "image/jpeg")
            }
        }, body)
    }

    @Test func aLinkInTheReplyIsDownloadedFromTheProvidersHost() async throws {
        try await Self.linking({ host in "http://\(host)/files/kite.jpg" }) { server, base in
            let log = CallLog()
            let images = try ImagesFixture.images(ImagesFixture.config(.openAIImages, url: base + "/v1", model: "dall-e-3"))
            let image = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1920, height: 1080, seed: 7), log: log).get()
            #expect(image.fileExtension == "jpg")
            #expect(await server.requests().map(\.path) == ["/v1/images/generations", "/files/kite.jpg"])
            #expect(log.all.map(\.purpose) == ["image", "image-download"] && log.all.map(\.units) == [1, 0])
        }
    }

    @Test func aLinkToAForeignPlainHTTPHostIsRefused() async throws {
        try await Self.linking({ _ in "http://198.51.100.7/files/kite.jpg" }) { server, base in
            let images = try ImagesFixture.images(ImagesFixture.config(.openAIImages, url: base + "/v1", model: "dall-e-3"))
            let result = await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1920, height: 1080, seed: 7))
            let error = try #require(ImagesFixture.failure(result))
            #expect(error.code == .malformedReply && error.message.contains("refused"))
            #expect(await server.requests().count == 1)
        }
    }

    @Test func aSecondIdenticalRequestIsServedFromTheCacheAndNotPaid() async throws {
        let scratch = ScratchDirectory()
        try await FakeImageServer.serving(maxSide: 64) { server, base in
            let log = CallLog()
            let cache = ProviderCache(directory: scratch.file("cache"))
            let images = try ImagesFixture.images(ImagesFixture.config(.openAIImages, url: base + "/v1", model: "dall-e-3"))
            let request = ImageRequest(prompt: Self.prompt, width: 1920, height: 1080, seed: 3)
            let first = try await ImagesFixture.generate(images, request, log: log, cache: cache).get()
            let second = try await ImagesFixture.generate(images, request, log: log, cache: cache).get()
            #expect(first.data == second.data && second.fileExtension == "png")
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded, .cached] && log.all.map(\.usd) == [0.04, 0])
            // Another scene's prompt is another picture.
            _ = try await ImagesFixture.generate(images, ImageRequest(prompt: "A harbour at noon", width: 1920, height: 1080, seed: 3), log: log, cache: cache).get()
            #expect(await server.requests().count == 2)
        }
    }
}
