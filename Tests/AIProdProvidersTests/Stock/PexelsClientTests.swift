import AIProdCore
import AIProdMedia
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

@testable import AIProdProviders

/// Pexels' photo and video search against the loopback fake (real JPEGs and MP4s): what is
/// asked, what is chosen for the frame, the credit, and what the calls cost.
@Suite struct PexelsClientTests {
    @Test func findsThePhotoOfTheQueryWithItsCreditAndColour() async throws {
        try await FakePexelsServer.serving { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url, usdPer1kUnits: 5), StockFixture.query(["red", " barn ", ""]))
            let media = try #require(try run.result.get())
            #expect(!media.isVideo && media.fileExtension == "jpg" && media.durationSeconds == nil)
            #expect(media.data.starts(with: [0xFF, 0xD8, 0xFF]))
            let credit = media.credit
            #expect(credit.role == .visual && credit.source == "pexels" && credit.kind == "pexels" && credit.license == .pexels)
            #expect(credit.title == "Photo of red barn")
            #expect(credit.author?.hasPrefix("Fake Photographer") == true && credit.authorURL?.hasPrefix("https://www.pexels.com/@fake-") == true)
            #expect(credit.link?.hasPrefix("https://www.pexels.com/photo/") == true)
            // The picture really is the colour the fake's rule gives for the words sent.
            let expected = FakePexelsServer.colour(forQuery: "red barn")
            let seen = try FakePexelsServer.meanColour(of: media.data, fileExtension: "jpg")
            #expect(abs(seen.red - Double(expected.red)) <= 8 && abs(seen.green - Double(expected.green)) <= 8
                && abs(seen.blue - Double(expected.blue)) <= 8, "\(seen) vs \(expected)")
            let sent = await server.requests()
            #expect(sent.map(\.path) == ["/v1/search", "/files/\(FakePexelsServer.hex(expected))-1920x1080.jpg"])
            #expect(sent.first?.headers["authorization"] == FakePexelsServer.key)
            // The key goes to the API's own host (the fake serves the files there too).
            #expect(run.calls.map(\.purpose) == ["stock search", "stock download"])
            #expect(run.calls.map(\.units) == [1, 0] && run.calls.map(\.usd) == [0.005, 0] && run.calls.allSatisfy { $0.outcome == .succeeded })
            #expect(run.calls.allSatisfy { $0.unit == .requests && $0.stage == .visuals })
        }
    }

    @Test func aDifferentQueryGetsADifferentColour() {
        let one = FakePexelsServer.colour(forQuery: "red barn"), other = FakePexelsServer.colour(forQuery: "blue sea")
        #expect(FakePexelsServer.hex(one) != FakePexelsServer.hex(other))
        #expect(FakePexelsServer.hex(one) == FakePexelsServer.hex(FakePexelsServer.colour(forQuery: "red barn")))
    }

    @Test func aPortraitQueryAsksPortraitAndGetsAPortraitPhoto() async throws {
        try await FakePexelsServer.serving { _, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(["tower"], orientation: .portrait, width: 720, height: 1_280))
            let media = try #require(try run.result.get())
            let probe = try await blocking { () -> Result<ProbeResult, MediaError> in
                let path = NSTemporaryDirectory() + "pexels-\(UUID().uuidString).jpg"
                defer { unlink(path) }
                do throws(MediaError) {
                    try? media.data.write(to: URL(fileURLWithPath: path))
                    return .success(try MediaProbe(decode: true, measureLoudness: false, limits: MediaLimits()).probe(path))
                } catch { return .failure(error) }
            }.get()
            #expect(probe.stream("video")?.width == 1_080 && probe.stream("video")?.height == 1_920)
        }
    }

    @Test func videosComeFirstWhenTheSceneWantsMotion() async throws {
        try await FakePexelsServer.serving(video: true, videoSeconds: 2) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(["waves"], video: true, minSeconds: 1.5))
            let media = try #require(try run.result.get())
            #expect(media.isVideo && media.fileExtension == "mp4" && media.durationSeconds == 2)
            #expect(media.credit.author?.hasPrefix("Fake Videographer") == true && media.credit.title?.hasPrefix("Pexels video ") == true)
            #expect(media.credit.link?.hasPrefix("https://www.pexels.com/video/") == true)
            #expect(await server.requests().map(\.path).first == "/videos/search")
            let expected = FakePexelsServer.colour(forQuery: "waves")
            let seen = try await blocking { try? FakePexelsServer.meanColour(of: media.data, fileExtension: "mp4") }
            let colour = try #require(seen)
            #expect(abs(colour.red - Double(expected.red)) <= 10 && abs(colour.blue - Double(expected.blue)) <= 10, "\(colour) vs \(expected)")
        }
    }

    @Test func noVideoFallsBackToAPhoto() async throws {
        try await FakePexelsServer.serving(video: false) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(["waves"], video: true, minSeconds: 3))
            let media = try #require(try run.result.get())
            #expect(!media.isVideo && media.fileExtension == "jpg")
            #expect(await server.requests().map(\.path).prefix(2) == ["/videos/search", "/v1/search"])
            #expect(run.calls.map(\.units) == [1, 1, 0])
        }
    }

    @Test func nothingFoundIsNilNotAnError() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.get("v1/search") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(#"{"page": 1, "per_page": 15, "photos": [], "total_results": 0}"#)
            }
        }) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query())
            try #expect(try run.result.get() == nil)
            #expect(await server.requests().count == 1 && run.calls.map(\.outcome) == [.succeeded])
            // No words: nothing is searched at all.
            let empty = await StockFixture.find(StockFixture.pexels(url), StockFixture.query([" ", ""]))
            try #expect(try empty.result.get() == nil && empty.calls.isEmpty)
            #expect(await server.requests().count == 1)
        }
    }

    @Test func aPhotoTooSmallForTheFrameIsNotTaken() async throws {
        try await FakePexelsServer.serving(photoWidth: 800, photoHeight: 600) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(width: 1_280, height: 720))
            try #expect(try run.result.get() == nil)
            #expect(await server.requests().map(\.path) == ["/v1/search"])
        }
    }

    /// Videos facing the frame's way and long enough win; of their MP4 files, the smallest that
    /// covers the frame is fetched (not the HLS one, not a too-small one, not the 4K one).
    @Test func choosesTheVideoAndTheFileForTheFrame() async throws {
        let mp4 = try FakePexelsServer.mp4(hex: "336699", width: 320, height: 180, seconds: 1)
        let page = """
        {"page": 1, "per_page": 15, "total_results": 3, "videos": [
          {"id": 1, "width": 1080, "height": 1920, "duration": 30, "url": "https://www.pexels.com/video/1/", "user": {"name": "Tall", "url": "https://www.pexels.com/@tall"},
           "video_files": [{"id": 11, "quality": "hd", "file_type": "video/mp4", "width": 1080, "height": 1920, "link": "BASE/f/tall.mp4"}]},
          {"id": 2, "width": 3840, "height": 2160, "duration": 2, "url": "https://www.pexels.com/video/2/", "user": {"name": "Short", "url": "https://www.pexels.com/@short"},
           "video_files": [{"id": 21, "quality": "hd", "file_type": "video/mp4", "width": 1920, "height": 1080, "link": "BASE/f/short.mp4"}]},
          {"id": 3, "width": 3840, "height": 2160, "duration": 20, "url": "https://www.pexels.com/video/3/", "user": {"name": "Wide", "url": "https://www.pexels.com/@wide"},
           "video_files": [
             {"id": 31, "quality": "uhd", "file_type": "video/mp4", "width": 3840, "height": 2160, "link": "BASE/f/uhd.mp4"},
             {"id": 32, "quality": null, "file_type": "application/x-mpegURL", "width": null, "height": null, "link": "BASE/f/hls.m3u8"},
             {"id": 33, "quality": "sd", "file_type": "video/mp4", "width": 960, "height": 540, "link": "BASE/f/sd.mp4"},
             {"id": 34, "quality": "hd", "file_type": "video/mp4", "width": 1920, "height": 1080, "link": "BASE/f/hd.mp4"},
             {"id": 35, "quality": "hd", "file_type": "video/mp4", "width": 1280, "height": 720, "link": "BASE/f/hd720.mp4"}]}
        ]}
        """
        try await FakeProviderServer.serving({ router, server in
            router.get("videos/search") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(page.replacingOccurrences(of: "BASE", with: "http://\(request.head.authority ?? "")"))
            }
            router.get("f/:name") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.bytes(mp4, contentType: "video/mp4")
            }
        }) { server, url in
            let run = await StockFixture.find(StockFixture.pexels(url), StockFixture.query(["city"], width: 1_280, height: 720, video: true, minSeconds: 10))
            let media = try #require(try run.result.get())
            #expect(media.isVideo && media.durationSeconds == 20 && media.credit.author == "Wide")
            #expect(await server.requests().map(\.path) == ["/videos/search", "/f/hd720.mp4"])
        }
    }

    @Test func theSeedPicksAmongEquallyGoodPhotosDeterministically() throws {
        let json = """
        {"photos": [
          {"id": 1, "width": 4000, "height": 3000, "photographer": "A", "src": {"original": "https://images.pexels.com/1.jpg"}},
          {"id": 2, "width": 4000, "height": 3000, "photographer": "B", "src": {"original": "https://images.pexels.com/2.jpg"}},
          {"id": 3, "width": 3000, "height": 4000, "photographer": "C", "src": {"original": "https://images.pexels.com/3.jpg"}},
          {"id": 4, "width": 400, "height": 300, "photographer": "D", "src": {"original": "https://images.pexels.com/4.jpg"}}
        ]}
        """
        let page = try JSONDecoder().decode(PexelsPhotoPage.self, from: Data(json.utf8))
        var picked = Set<Int64>()
        for seed in UInt64(0)..<32 {
            let query = StockFixture.query(width: 1_280, height: 720, seed: seed)
            let first = try #require(page.best(for: query)), again = try #require(page.best(for: query))
            #expect(first.photo.id == again.photo.id)
            picked.insert(first.photo.id)
        }
        // Only the two large landscape photos are ever taken, and each for some seed.
        #expect(picked == [1, 2])
        // A portrait frame takes the portrait photo; a frame none covers takes none.
        #expect(page.best(for: StockFixture.query(orientation: .portrait, width: 720, height: 1_280))?.photo.id == 3)
        #expect(page.best(for: StockFixture.query(width: 8_000, height: 6_000)) == nil)
    }

    @Test func theSmallestRenditionCoveringTheFrameIsFetched() throws {
        let json = """
        {"photos": [{"id": 9, "width": 6000, "height": 4000, "src":
          {"original": "https://images.pexels.com/o.jpg", "large2x": "https://images.pexels.com/l2.jpg", "large": "https://images.pexels.com/l.jpg"}}]}
        """
        let page = try JSONDecoder().decode(PexelsPhotoPage.self, from: Data(json.utf8))
        #expect(page.best(for: StockFixture.query(width: 640, height: 360))?.link == "https://images.pexels.com/l.jpg")
        #expect(page.best(for: StockFixture.query(width: 1_280, height: 720))?.link == "https://images.pexels.com/l2.jpg")
        #expect(page.best(for: StockFixture.query(width: 1_920, height: 1_080))?.link == "https://images.pexels.com/o.jpg")
    }

    @Test func theSearchAsksWhatTheDocumentsSayAndKeepsTheKeyInTheHeader() throws {
        let client = PexelsClient(transport: ProviderTransport(config: FakePexelsServer.config("https://api.pexels.com")))
        let query = StockFixture.query(["misty", "forest & lake"], width: 1_920, height: 1_080)
        let request = try client.search("/v1/search", text: query.searchText, query: query, size: PexelsClient.photoSize(query))
        #expect(request.url.path == "/v1/search" && request.method == "GET")
        #expect(StockFixture.parameter("query", of: request.url) == "misty forest & lake")
        #expect(StockFixture.parameter("orientation", of: request.url) == "landscape")
        #expect(StockFixture.parameter("size", of: request.url) == "small" && StockFixture.parameter("per_page", of: request.url) == "15")
        #expect(request.headers["Authorization"] == FakePexelsServer.key && !request.url.absoluteString.contains(FakePexelsServer.key))
        #expect(PexelsClient.videoSize(StockFixture.query(width: 1_920, height: 1_080)) == "medium")
        #expect(PexelsClient.videoSize(StockFixture.query(width: 3_840, height: 2_160)) == "large")
        #expect(PexelsClient.videoSize(StockFixture.query(width: 1_280, height: 720)) == "small")
    }
}
