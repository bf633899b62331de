import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Testing

/// `kind = a1111` against the loopback fake of `POST /sdapi/v1/txt2img`: the body as the API
/// documents it, stepped sizes, the seed, the checkpoint override, the model the reply names,
/// the cache and the cost.
@Suite struct A1111Tests {
    static let prompt = "A fox in fresh snow, morning light"

    @Test func aPictureIsAskedWithTheSeedStepsAndCheckpoint() async throws {
        try await FakeImageServer.serving(maxSide: 96) { server, base in
            let log = CallLog()
            var config = ImagesFixture.config(.a1111, url: base, model: "dreamshaper_8.safetensors", key: nil)
            config.steps = 30
            let images = try ImagesFixture.images(config)
            let seed: UInt64 = 0x1_2345_6789
            let image = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1920, height: 1080, seed: seed), log: log).get()
            let sent = try #require(await server.requests().first)
            #expect(sent.path == "/sdapi/v1/txt2img" && sent.headers["authorization"] == nil)
            let body = ImagesFixture.object(sent.body)
            #expect(body["prompt"] as? String == Self.prompt && (body["negative_prompt"] as? String)?.contains("watermark") == true)
            #expect(body["width"] as? Int == 1536 && body["height"] as? Int == 896)
            #expect(body["seed"] as? Int == 0x2345_6789 && body["steps"] as? Int == 30)
            #expect(body["batch_size"] as? Int == 1 && body["n_iter"] as? Int == 1)
            #expect((body["override_settings"] as? [String: Any])?["sd_model_checkpoint"] as? String == "dreamshaper_8.safetensors")
            #expect(image.fileExtension == "png" && image.seed == 0x2345_6789 && image.model == "dreamshaper_8.safetensors")
            #expect(image.data == (try FakeImagePicture.picture(for: Self.prompt, width: 96, height: 56)))
            #expect(log.all.map(\.units) == [1] && log.all.first?.usd == 0.04)
        }
    }

    @Test func withoutAModelNoCheckpointIsForcedAndTheRepliesModelIsNamed() async throws {
        try await FakeImageServer.serving(maxSide: 64, jpeg: true) { server, base in
            let images = try ImagesFixture.images(ImagesFixture.config(.a1111, url: base))
            let image = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1080, height: 1920, seed: 5)).get()
            let body = ImagesFixture.object(try #require(await server.requests().first).body)
            #expect(body["override_settings"] == nil)
            #expect(body["width"] as? Int == 896 && body["height"] as? Int == 1536)
            #expect(image.model == "fake-sd" && image.fileExtension == "jpg")
            #expect(ImagesFixture.decodedSize(image.data, extension: "jpg") != nil)
        }
    }

    @Test func aSecondIdenticalRequestIsServedFromTheCache() async throws {
        let scratch = ScratchDirectory()
        try await FakeImageServer.serving(maxSide: 64) { server, base in
            let log = CallLog()
            let cache = ProviderCache(directory: scratch.file("cache"))
            let images = try ImagesFixture.images(ImagesFixture.config(.a1111, url: base))
            let request = ImageRequest(prompt: Self.prompt, width: 1280, height: 720, seed: 9)
            let first = try await ImagesFixture.generate(images, request, log: log, cache: cache).get()
            let second = try await ImagesFixture.generate(images, request, log: log, cache: cache).get()
            #expect(first.data == second.data && first.model == second.model)
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded, .cached])
            // Another seed is another picture.
            _ = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1280, height: 720, seed: 10), log: log, cache: cache).get()
            #expect(await server.requests().count == 2)
        }
    }

    @Test func anEmptyPromptOrAnAbsurdFrameIsNotSent() async throws {
        try await FakeImageServer.serving(maxSide: 64) { server, base in
            let images = try ImagesFixture.images(ImagesFixture.config(.a1111, url: base))
            for request in [ImageRequest(prompt: "  \n", width: 1920, height: 1080, seed: 1), ImageRequest(prompt: "x", width: 0, height: 1080, seed: 1),
                            ImageRequest(prompt: "x", width: 1920, height: 1 << 20, seed: 1)] {
                let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, request)))
                #expect(error.code == .unsupported)
            }
            #expect(await server.requests().isEmpty)
        }
    }

    @Test func aKindThatMakesNoPicturesIsRefused() throws {
        #expect(throws: ProviderError.self) { try RemoteImages(transport: ProviderTransport(config: ImagesFixture.config(.runway, url: "http://127.0.0.1:9"))) }
    }
}
