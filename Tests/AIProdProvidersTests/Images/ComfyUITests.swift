import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdTestSupport
import Foundation
import Testing

/// `kind = comfyui` against the loopback fake: the template filled and submitted, the history
/// polled until the picture is saved, the picture fetched from `/view`; failed, never-ending
/// and cancelled prompts; broken templates refused when the provider is made.
@Suite struct ComfyUITests {
    static let prompt = #"A "neon" city at night \ rain"#

    static func config(_ base: String, workflow: String, maxWait: Double = 240) -> ProviderConfig {
        var config = ImagesFixture.config(.comfyUI, url: base, workflow: workflow, key: nil)
        config.maxWaitSeconds = maxWait
        return config
    }

    static func template(_ scratch: ScratchDirectory, _ text: String = FakeComfyServer.workflow) -> String {
        scratch.write(text, to: "workflow.json")
    }

    @Test func theTemplateIsFilledSubmittedPolledAndItsPictureFetched() async throws {
        let scratch = ScratchDirectory()
        try await FakeComfyServer.serving(.finish(afterPolls: 2)) { server, base in
            let log = CallLog()
            let images = try ImagesFixture.images(Self.config(base, workflow: Self.template(scratch)))
            let image = try await ImagesFixture.generate(images, ImageRequest(prompt: Self.prompt, width: 1920, height: 1080, seed: 0x7_0000_0042), log: log).get()
            let sent = await server.requests()
            #expect(sent.first?.path == "/prompt" && sent.last?.path == "/view" && sent.filter { $0.path.hasPrefix("/history/") }.count == 3)
            let submitted = try #require(sent.first)
            let graph = try #require(ImagesFixture.object(submitted.body)["prompt"] as? [String: Any])
            let inputs = { (node: String) in (graph[node] as? [String: Any])?["inputs"] as? [String: Any] ?? [:] }
            #expect(inputs("6")["text"] as? String == Self.prompt)
            #expect(inputs("5")["width"] as? Int == 1536 && inputs("5")["height"] as? Int == 896)
            #expect(inputs("3")["seed"] as? Int == 0x42)
            #expect(image.fileExtension == "png" && image.seed == 0x42 && image.model == "sd_xl_base_1.0.safetensors")
            #expect(image.data == (try FakeImagePicture.picture(for: Self.prompt, width: 256, height: 256)))
            // The picture is counted once, on the poll that found it; nothing is cacheable.
            #expect(log.all.map(\.purpose) == ["image", "image-status", "image-status", "image-status", "image-download"])
            #expect(log.all.map(\.units) == [0, 0, 0, 1, 0] && log.all.map(\.usd).reduce(0, +) == 0.04)
        }
    }

    @Test func aFailedPromptIsAnErrorWithComfysReason() async throws {
        let scratch = ScratchDirectory()
        try await FakeComfyServer.serving(.fail(afterPolls: 1, message: "Allocation on device")) { _, base in
            let log = CallLog()
            let images = try ImagesFixture.images(Self.config(base, workflow: Self.template(scratch)))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, ImageRequest(prompt: "x", width: 512, height: 512, seed: 1), log: log)))
            #expect(error.code == .unsupported && error.message.contains("KSampler: Allocation on device"))
            #expect(log.all.map(\.usd).reduce(0, +) == 0)
        }
    }

    @Test func aPromptThatNeverFinishesTimesOutAtMaxWait() async throws {
        let scratch = ScratchDirectory()
        try await FakeComfyServer.serving(.never) { server, base in
            let images = try ImagesFixture.images(Self.config(base, workflow: Self.template(scratch), maxWait: 0.5))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, ImageRequest(prompt: "x", width: 512, height: 512, seed: 1))))
            #expect(error.code == .timedOut && error.message.contains("max_wait_seconds"))
            #expect(await server.requests().filter { $0.path.hasPrefix("/history/") }.count >= 1)
        }
    }

    @Test func cancellingTheJobStopsThePolling() async throws {
        let scratch = ScratchDirectory()
        try await FakeComfyServer.serving(.never) { server, base in
            let cancellation = RenderCancellation()
            let images = try ImagesFixture.images(Self.config(base, workflow: Self.template(scratch)))
            async let result = ImagesFixture.generate(images, ImageRequest(prompt: "x", width: 512, height: 512, seed: 1), cancellation: cancellation)
            while await server.requests().filter({ $0.path.hasPrefix("/history/") }).count < 2 { try await Task.sleep(nanoseconds: 20_000_000) }
            cancellation.cancel()
            let error = try #require(ImagesFixture.failure(await result))
            #expect(error.code == .cancelled)
        }
    }

    @Test func aSavedFileThatIsNotAPictureIsRefused() async throws {
        let scratch = ScratchDirectory()
        try await FakeComfyServer.serving(.finish(afterPolls: 0), picture: Data(String(repeating: "not a picture ", count: 10).utf8)) { _, base in
            let images = try ImagesFixture.images(Self.config(base, workflow: Self.template(scratch)))
            let error = try #require(ImagesFixture.failure(await ImagesFixture.generate(images, ImageRequest(prompt: "x", width: 512, height: 512, seed: 1))))
            #expect(error.code == .malformedReply && error.message.contains("not a PNG"))
        }
    }

    /// Templates the provider refuses when it is made, with the words its reason must hold.
    static let brokenTemplates: [(text: String, reason: String)] = [
        (#"{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a cat"}}}"#, "no {{prompt}}"),
        (#"{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}"}"#, "not a JSON object"),
        (#"{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": {{prompt}}}}}"#, "not a JSON object"),
        (#"{"nodes": [{"id": 6, "widgets_values": ["{{prompt}}"]}], "links": []}"#, "UI format"),
        (#"{"6": {"inputs": {"text": "{{prompt}}"}}}"#, "class_type"),
        (#"["{{prompt}}"]"#, "not a JSON object"),
    ]

    @Test func brokenTemplatesAreRefusedWithTheirReason() throws {
        let scratch = ScratchDirectory()
        for (index, broken) in Self.brokenTemplates.enumerated() {
            let path = scratch.write(broken.text, to: "broken-\(index).json")
            let error = #expect(throws: ProviderError.self) { try ImagesFixture.images(Self.config("http://127.0.0.1:9", workflow: path)) }
            #expect(error?.code == .unsupported && error?.message.contains(broken.reason) == true, "\(broken.text): \(String(describing: error))")
        }
        for (workflow, reason) in [(scratch.file("missing.json"), "cannot read"), ("", "needs workflow")] {
            let error = #expect(throws: ProviderError.self) { try ImagesFixture.images(Self.config("http://127.0.0.1:9", workflow: workflow)) }
            #expect(error?.message.contains(reason) == true)
        }
        let huge = scratch.write(#"{"6": {"class_type": "X", "inputs": {"text": "{{prompt}}", "pad": ""# + String(repeating: "x", count: 2 << 20) + #""}}}"#, to: "huge.json")
        let error = #expect(throws: ProviderError.self) { try ImagesFixture.images(Self.config("http://127.0.0.1:9", workflow: huge)) }
        #expect(error?.message.contains("larger than") == true)
    }

    @Test func quotedNumberPlaceholdersBecomeNumbers() async throws {
        let scratch = ScratchDirectory()
        let quoted = FakeComfyServer.workflow.replacingOccurrences(of: "{{width}}", with: "\"{{width}}\"")
        try await FakeComfyServer.serving(.finish(afterPolls: 0)) { server, base in
            let images = try ImagesFixture.images(Self.config(base, workflow: Self.template(scratch, quoted)))
            _ = try await ImagesFixture.generate(images, ImageRequest(prompt: "x", width: 1080, height: 1920, seed: 1)).get()
            let submitted = try #require(await server.requests().first)
            let graph = try #require(ImagesFixture.object(submitted.body)["prompt"] as? [String: Any])
            #expect(((graph["5"] as? [String: Any])?["inputs"] as? [String: Any])?["width"] as? Int == 896)
        }
    }
}
