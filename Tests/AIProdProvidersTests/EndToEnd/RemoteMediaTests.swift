import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// The English example, whole, through the stage runner with a Stable Diffusion server
/// (AUTOMATIC1111's API), Pexels and Freesound standing on loopback and speaking their public
/// APIs with real media, and a music model behind music-http: every scene shows the picture that was served for it (its colour, read
/// back from the rendered video), the credits list every outside piece, and a generator that
/// fails or answers garbage for one scene sends only that scene to the stock library. The
/// effects are CC BY only here, so the credit roll closing the video has lines to show.
@Suite("The English example with generated pictures, stock photos and recorded effects", .serialized, .oneRenderAtATime)
struct RemoteMediaTests {
    static let preset = ExampleScriptsTests.preset

    static func config(_ base: String, music: String) throws -> ServiceConfig {
        try ServiceConfig.parse("""
            [studio]
            visuals = sd, stock
            effects = freesound
            music = musicgen
            [provider.musicgen]
            kind = music-http
            url = \(music)
            model = musicgen-small
            timeout_seconds = 600
            [provider.sd]
            kind = a1111
            url = \(base)
            timeout_seconds = 600
            retries = 0
            breaker_failures = 5
            usd_per_1k_units = 40
            [provider.stock]
            kind = pexels
            url = \(base)
            key = \(FakePexelsServer.key)
            timeout_seconds = 600
            [provider.freesound]
            kind = freesound
            url = \(base)
            key = \(FakeFreesoundServer.key)
            licenses = cc-by
            timeout_seconds = 600
            """, file: nil, environment: [:])
    }

    /// AUTOMATIC1111's txt2img answering the fake's pictures (small: the render scales them),
    /// except the 2nd request (a 500) and the 4th (base64 of bytes that are no picture). The
    /// stage asks scene by scene, so those are scenes 2 and 4.
    static func stableDiffusion(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer, count: AIProdTestSupport.Counter) {
        router.post("sdapi/v1/txt2img") { request, _ -> Response in
            let received = try await server.remember(request)
            let number = count.increment()
            if number == 2 { return FakeProviderServer.json(#"{"detail": "CUDA out of memory"}"#, status: .internalServerError) }
            if number == 4 { return FakeProviderServer.json(#"{"images": ["\#(Data("no picture here".utf8).base64EncodedString())"], "info": "{}"}"#) }
            guard let object = try JSONSerialization.jsonObject(with: received.body) as? [String: Any], let prompt = object["prompt"] as? String else {
                return FakeProviderServer.json(#"{"detail": "bad request"}"#, status: .badRequest)
            }
            let picture = try FakeImagePicture.picture(for: prompt, width: 64, height: 36)
            return FakeProviderServer.json(#"{"images": ["\#(picture.base64EncodedString())"], "info": "{\"sd_model_name\": \"fake-sd\"}"}"#)
        }
    }

    struct Credits: Decodable {
        var credits: [Credit]
        var attribution: [String]
    }

    @Test("every scene shows its served picture, a failed scene falls back to stock, and the credits name every outside piece")
    func example() async throws {
        let script = try ExampleScriptsTests.examples("script-en.txt")
        let scratch = ScratchDirectory()
        let count = AIProdTestSupport.Counter()
        try await FakeProviderServer.serving({ router, server in
            Self.stableDiffusion(router, server, count: count)
            FakePexelsServer.routes(router, server, photoWidth: 640, photoHeight: 360)
            FakeFreesoundServer.routes(router, server, seconds: 5)
        }) { server, base in
            try await FakeMusicServer.serving { _, musicURL in
                let config = try Self.config(base, music: musicURL)
                let calls = CallLog()
                let logs = LogCapture()
                var spec = JobSpec(script: script, preset: Self.preset.name, seed: 7)
                spec.creditRoll = true
                let result = try await ExampleScriptsTests.render(spec, config: config, cache: scratch.file("cache"), folder: scratch.file("job"),
                                                                 calls: calls, logger: logs.logger()).get()
                #expect(result.qaPassed, "QA failures: \(result.qaFailures)")
                let directory = JobDirectory(root: scratch.file("job"))
                let visuals = try JSONCoding.decoder.decode([SceneVisual].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.visuals))))
                #expect(visuals.count > 3)
                #expect(visuals[1].source == .stock && visuals[3].source == .stock, "\(visuals.map(\.source))")
                #expect(visuals.enumerated().allSatisfy { $0.offset == 1 || $0.offset == 3 || $0.element.source == .generated }, "\(visuals.map(\.source))")
                #expect(result.warnings.contains { $0.contains("scene 2: sd failed") }, "\(result.warnings)")
                #expect(result.warnings.contains { $0.contains("scene 4: sd") }, "\(result.warnings)")

                // What is on screen in the middle of each scene is the picture served for it.
                let timeline = try JSONCoding.decoder.decode(Timeline.self, from: Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
                var start = 0.0
                var served: [FrameColour] = []
                var shown: [FrameColour] = []
                for (index, clip) in timeline.video.clips.enumerated() where index < visuals.count {
                    start -= index == 0 ? 0 : (clip.transition?.duration.doubleValue ?? 0)
                    let middle = start + clip.duration.doubleValue / 2
                    start += clip.duration.doubleValue
                    let file = try #require(visuals[index].path)
                    served.append(try FrameColour.mean(video: directory.path(file), at: 0, x: 0.2...0.8, y: 0.2...0.8))
                    shown.append(try FrameColour.mean(video: directory.video, at: middle, x: 0.1...0.9, y: 0.05...0.3))
                    if visuals[index].source == .generated, let prompt = visuals[index].credit?.prompt {
                        let colour = FakeImagePicture.colour(for: prompt)
                        #expect(served[index].distance(red: Double(colour.red), green: Double(colour.green), blue: Double(colour.blue)) < 10)
                    }
                }
                for (index, colour) in shown.enumerated() {
                    let own = colour.distance(red: served[index].red, green: served[index].green, blue: served[index].blue)
                    #expect(own < 14, "scene \(index + 1) shows \(colour), served \(served[index])")
                    for (other, otherColour) in served.enumerated() where other != index
                        && otherColour.distance(red: served[index].red, green: served[index].green, blue: served[index].blue) > 40 {
                        #expect(own < colour.distance(red: otherColour.red, green: otherColour.green, blue: otherColour.blue))
                    }
                }

                // Every outside piece has its credit; the CC BY effect's line closes the video.
                let credits = try JSONCoding.decoder.decode(Credits.self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.credits))))
                for visual in visuals {
                    let credit = try #require(credits.credits.first { $0.file == visual.path && $0.role == .visual }, "no credit for \(visual.path ?? "")")
                    #expect(credit.scene == visual.scene)
                    if visual.source == .generated {
                        #expect(credit.source == "sd" && credit.kind == "a1111" && credit.seed != nil && credit.model == "fake-sd" && credit.license == .generated)
                    } else {
                        #expect(credit.source == "stock" && credit.license == .pexels && credit.author?.isEmpty == false && credit.link?.hasPrefix("https://") == true)
                    }
                }
                let effects = try JSONCoding.decoder.decode([[SoundEffect]].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.effects))))
                let remote = effects.flatMap { $0 }.filter { $0.source == .remote }
                #expect(!remote.isEmpty && remote.count == effects.flatMap { $0 }.count, "\(effects.flatMap { $0 }.map(\.source))")
                for effect in remote {
                    let credit = try #require(credits.credits.first { $0.file == effect.path && $0.role == .effect })
                    #expect(credit.source == "freesound" && credit.author?.isEmpty == false && credit.link != nil)
                    #expect(credit.license == .ccBy)
                }
                let attributed = credits.credits.filter { $0.license.requiresAttribution }
                #expect(!attributed.isEmpty && attributed.allSatisfy { credits.attribution.contains($0.attributionLine) })
                #expect(timeline.video.clips.count == visuals.count + 1, "a credit roll closes the video")
                let roll = timeline.video.clips.last?.text.map(\.text).joined(separator: "\n") ?? ""
                #expect(credits.attribution.allSatisfy { roll.contains($0) }, "\(roll)")
                let text = try String(contentsOfFile: directory.path(JobDirectory.creditsText), encoding: .utf8)
                #expect(text.contains("fake-sd") && text.contains("Fake Photographer") && text.contains("freesound"))

                // Every call is recorded; the failed ones are, too; no key is in any log line.
                let recorded = calls.all
                #expect(recorded.filter { $0.provider == "sd" && $0.outcome == .failed }.count == 2)
                #expect(recorded.filter { $0.provider == "sd" && $0.outcome == .succeeded }.count == visuals.count - 2)
                #expect(recorded.filter { $0.provider == "sd" && $0.outcome == .succeeded }.allSatisfy { abs($0.usd - 0.04) < 1e-9 })
                #expect(await server.requests().filter { $0.path.hasPrefix("/v1/search") }.allSatisfy { $0.headers["authorization"] == FakePexelsServer.key })
                #expect(logs.all.allSatisfy { !$0.contains(FakePexelsServer.key) && !$0.contains(FakeFreesoundServer.key) })

                // The music came from the music server, piece by piece, and is credited to it.
                let pieces = try JSONCoding.decoder.decode([MusicPiece].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.musicPieces))))
                #expect(!pieces.isEmpty && pieces.allSatisfy { $0.source == .remote && $0.credit.source == "musicgen" }, "\(pieces)")
                #expect(credits.credits.contains { $0.role == .music && $0.source == "musicgen" && $0.kind == "music-http" && $0.license == .generated })
            }
        }
    }

    @Test("with every provider unreachable the job still renders: title cards and synthesised effects, with warnings")
    func unreachable() async throws {
        let scratch = ScratchDirectory()
        let dead = "http://127.0.0.1:9"
        var config = try Self.config(dead, music: dead)
        for name in ["sd", "stock", "freesound", "musicgen"] { config.providers[name]?.timeoutSeconds = 20 }
        // A credit roll asked for with nothing to credit: no roll; the music, made a roll
        // longer, is cut and faded where the video ends.
        var spec = JobSpec(script: "The rain falls on the harbour. The bell rings at noon over the calm sea.", preset: Self.preset.name)
        spec.creditRoll = true
        let result = try await ExampleScriptsTests.render(spec, config: config, cache: scratch.file("cache"), folder: scratch.file("job"),
                                                         calls: CallLog(), logger: Logger(label: "test")).get()
        #expect(result.qaPassed, "\(result.qaFailures)")
        let directory = JobDirectory(root: scratch.file("job"))
        let visuals = try JSONCoding.decoder.decode([SceneVisual].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.visuals))))
        #expect(!visuals.isEmpty && visuals.allSatisfy { $0.source == .card })
        let effects = try JSONCoding.decoder.decode([[SoundEffect]].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.effects))))
        #expect(!effects.flatMap { $0 }.isEmpty && effects.flatMap { $0 }.allSatisfy { $0.source == .synthesised })
        #expect(result.warnings.contains { $0.contains("sd failed") } && result.warnings.contains { $0.contains("freesound failed") }, "\(result.warnings)")
        let pieces = try JSONCoding.decoder.decode([MusicPiece].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.musicPieces))))
        #expect(!pieces.isEmpty && pieces.allSatisfy { $0.source == .composed }, "\(pieces)")
    }
}
