import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// `kind = runway` against the loopback fake of Runway's API: the submission as the docs
/// describe it (data URI, ratio, duration, seed, version header), the task polled to its end,
/// the video downloaded; failed, never-ending and cancelled tasks; hostile replies; the cost.
@Suite struct RunwayTests {
    static let still = try! FakeImagePicture.picture(for: "still", width: 64, height: 36)

    static func motion(_ base: String, model: String = "gen4_turbo", maxWait: Double = 240, retries: Int = 0) -> RemoteMotion {
        var config = ImagesFixture.config(.runway, url: base, model: model, retries: retries, usdPer1kUnits: 50)
        config.maxWaitSeconds = maxWait
        return RemoteMotion(transport: ProviderTransport(config: config, backoffSeconds: 0.05))
    }

    static func animate(_ motion: RemoteMotion, image: Data = still, width: Int = 1920, height: Int = 1080, seconds: Double = 3.2,
                        log: CallLog = CallLog(), cancellation: RenderCancellation = RenderCancellation(),
                        logger: Logger = ImagesFixture.quiet()) async -> Result<GeneratedVideo, ProviderError> {
        await blocking {
            let session = ProviderSession(stage: .visuals, cancellation: cancellation, logger: logger) { log.record($0) }
            do throws(ProviderError) {
                return .success(try motion.animate(image: image, imageExtension: "png", prompt: "The camera drifts over the harbour",
                                                   width: width, height: height, seconds: seconds, seed: 0x5_0000_0007, session: session))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func aStillIsSubmittedPolledAndItsVideoDownloaded() async throws {
        try await FakeRunwayServer.serving(.succeed(afterPolls: 2)) { server, base in
            let log = CallLog()
            let video = try await Self.animate(Self.motion(base), log: log).get()
            let sent = await server.requests()
            let submit = try #require(sent.first)
            #expect(submit.method == "POST" && submit.path == "/v1/image_to_video")
            #expect(submit.headers["authorization"] == "Bearer \(ImagesFixture.key)" && submit.headers["x-runway-version"] == "2024-11-06")
            let body = ImagesFixture.object(submit.body)
            let uri = try #require(body["promptImage"] as? String)
            #expect(uri == "data:image/png;base64," + Self.still.base64EncodedString())
            #expect(body["promptText"] as? String == "The camera drifts over the harbour" && body["model"] as? String == "gen4_turbo")
            #expect(body["ratio"] as? String == "1280:720" && body["duration"] as? Int == 5 && body["seed"] as? Int == 7)
            #expect(sent.filter { $0.path.hasPrefix("/v1/tasks/") }.allSatisfy { $0.headers["x-runway-version"] == "2024-11-06" })
            #expect(sent.filter { $0.path.hasPrefix("/v1/tasks/") }.count == 3 && sent.last?.path.hasPrefix("/files/") == true)
            #expect(video.data == FakeRunwayServer.video && video.fileExtension == "mp4" && video.model == "gen4_turbo" && video.seed == 7)
            #expect(ImagesFixture.decodedSize(video.data, extension: "mp4")?.width == 160)
            // Five seconds at 50 USD per 1,000: 0.25, counted on the poll that saw the task succeed.
            #expect(log.all.map(\.purpose) == ["motion", "motion-status", "motion-status", "motion-status", "motion-download"])
            #expect(log.all.map(\.units) == [0, 0, 0, 5, 0] && log.all.map(\.usd).reduce(0, +) == 0.25 && log.all.allSatisfy { $0.unit == .seconds })
        }
    }

    @Test func aLongerScenePortraitFrameAsksTenSecondsInPortrait() async throws {
        try await FakeRunwayServer.serving(.succeed(afterPolls: 0)) { server, base in
            _ = try await Self.animate(Self.motion(base), width: 1080, height: 1920, seconds: 7.5).get()
            let body = ImagesFixture.object(try #require(await server.requests().first).body)
            #expect(body["ratio"] as? String == "720:1280" && body["duration"] as? Int == 10)
        }
    }

    @Test func aFailedTaskIsAnErrorWithRunwaysReasonAndCostsNothing() async throws {
        try await FakeRunwayServer.serving(.fail(afterPolls: 1, failure: "Input image flagged by moderation", code: "SAFETY.INPUT.IMAGE")) { _, base in
            let log = CallLog()
            let error = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base), log: log)))
            #expect(error.code == .unsupported && error.message.contains("flagged by moderation") && error.message.contains("SAFETY.INPUT.IMAGE"))
            #expect(log.all.map(\.usd).reduce(0, +) == 0)
        }
    }

    @Test func aTaskThatNeverFinishesTimesOutAtMaxWait() async throws {
        try await FakeRunwayServer.serving(.never) { server, base in
            let error = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base, maxWait: 0.5))))
            #expect(error.code == .timedOut && error.message.contains("max_wait_seconds"))
            #expect(await server.requests().filter { $0.path.hasPrefix("/v1/tasks/") }.count >= 1)
        }
    }

    @Test func cancellingTheJobStopsThePolling() async throws {
        try await FakeRunwayServer.serving(.never) { server, base in
            let cancellation = RenderCancellation()
            async let result = Self.animate(Self.motion(base), cancellation: cancellation)
            while await server.requests().filter({ $0.path.hasPrefix("/v1/tasks/") }).count < 2 { try await Task.sleep(nanoseconds: 20_000_000) }
            cancellation.cancel()
            let error = try #require(ImagesFixture.failure(await result))
            #expect(error.code == .cancelled)
            let polls = await server.requests().count
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(await server.requests().count == polls)
        }
    }

    @Test func aDownloadThatIsNotAVideoIsRefused() async throws {
        try await FakeRunwayServer.serving(.succeed(afterPolls: 0), file: Data(String(repeating: "<html>expired</html>", count: 8).utf8)) { _, base in
            let error = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base))))
            #expect(error.code == .malformedReply && error.message.contains("not an MP4"))
        }
    }

    /// Hostile task replies and the code each gives.
    static let hostileOutputs: [(output: String, code: ProviderError.Code)] = [
        ("[]", .malformedReply), ("null", .malformedReply), (#"[42]"#, .malformedReply), (#""https://x.example/a.mp4""#, .malformedReply),
        (#"["http://198.51.100.7/video.mp4"]"#, .malformedReply), (#"["not a url at all \u0000"]"#, .malformedReply),
    ]

    @Test func hostileOutputsAreTypedErrors() async throws {
        for item in Self.hostileOutputs {
            try await FakeRunwayServer.serving(.output(item.output)) { _, base in
                let error = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base))), "\(item.output)")
                #expect(error.code == item.code, "\(item.output): \(error)")
            }
        }
    }

    @Test func hostileSubmissionAndStatusRepliesAreTypedErrors() async throws {
        let replies: [(submit: String, status: String)] = [
            (#"{"id": "../../etc/passwd"}"#, "{}"), (#"{"id": 12}"#, "{}"), ("not json", "{}"),
            (#"{"id": "abc"}"#, #"{"status": "EXPLODED"}"#), (#"{"id": "abc"}"#, #"{"status": 3}"#), (#"{"id": "abc"}"#, #"{"id": "abc"}"#),
        ]
        for reply in replies {
            try await ImagesFixture.scriptedTask(submitPath: "v1/image_to_video", submit: reply.submit, statusPath: "v1/tasks/:id", status: reply.status) { _, base in
                let error = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base))), "\(reply)")
                #expect(error.code == .malformedReply, "\(reply): \(error)")
            }
        }
    }

    @Test func serverErrorsAndA429AreRetried() async throws {
        let counter = Counter()
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/image_to_video") { request, _ -> Response in
                _ = try await server.remember(request)
                switch await counter.next() {
                case 1: return FakeProviderServer.json(#"{"error": "busy"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"])
                case 2: return FakeProviderServer.json(#"{"error": "oops"}"#, status: .internalServerError)
                default: return FakeProviderServer.json(#"{"id": "task-1"}"#)
                }
            }
            router.get("v1/tasks/:id") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(#"{"id": "task-1", "status": "SUCCEEDED", "output": ["http://\#(request.head.authority ?? "")/files/v.mp4"]}"#)
            }
            router.get("files/v.mp4") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.bytes(FakeRunwayServer.video, contentType: "video/mp4")
            }
        }) { server, base in
            let log = CallLog()
            let started = Date()
            let video = try await Self.animate(Self.motion(base, retries: 2), log: log).get()
            #expect(video.fileExtension == "mp4" && Date().timeIntervalSince(started) >= 1)
            let count = await server.requests().count
            #expect(log.all.first?.attempts == 3 && count == 5)
        }
    }

    @Test func aStillThatIsNotAPictureOrTooLargeIsNotSent() async throws {
        try await FakeRunwayServer.serving(.succeed(afterPolls: 0)) { server, base in
            let notPicture = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base), image: Data(repeating: 7, count: 100))))
            #expect(notPicture.code == .unsupported)
            var huge = Self.still
            huge.append(Data(repeating: 0, count: 4 << 20))
            let tooLarge = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base), image: huge)))
            #expect(tooLarge.code == .unsupported && tooLarge.message.contains("data URI"))
            #expect(await server.requests().isEmpty)
        }
    }

    @Test func theKeyIsInNoLogLine() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/image_to_video") { request, _ -> Response in
                let received = try await server.remember(request)
                return FakeProviderServer.json(#"{"error": "bad key \#(received.headers["authorization"] ?? "")"}"#, status: .unauthorized)
            }
        }) { _, base in
            let capture = LogCapture()
            let log = CallLog()
            let error = try #require(ImagesFixture.failure(await Self.animate(Self.motion(base), log: log, logger: capture.logger())))
            #expect(error.status == 401 && !"\(error)".contains(ImagesFixture.key))
            #expect(!capture.all.isEmpty && !capture.all.joined().contains(ImagesFixture.key))
            #expect(!String(decoding: try JSONEncoder().encode(log.all), as: UTF8.self).contains(ImagesFixture.key))
        }
    }
}
