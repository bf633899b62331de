import AIProdCore
import AIProdMedia
import AIProdTestSupport
import Foundation
import Hummingbird
import Testing

@testable import AIProdProviders

/// Freesound's search against the loopback fake (real MP3 previews): licences accepted and
/// checked again, durations, the credit, failures, the cache, and no key anywhere.
@Suite struct FreesoundClientTests {
    static func config(_ url: String, licenses: [MediaLicense] = [.cc0, .ccBy], retries: Int = 2, timeout: Double = 300) -> ProviderConfig {
        var config = FakeFreesoundServer.config(url, licenses: licenses)
        config.retries = retries
        config.timeoutSeconds = timeout
        config.usdPer1kUnits = 2
        return config
    }

    static func query(_ category: SoundCategory = .rain, keywords: [String] = [], min: Double = 1, max: Double = 5, seed: UInt64 = 3) -> EffectQuery {
        EffectQuery(category: category, keywords: keywords, minSeconds: min, maxSeconds: max, seed: seed)
    }

    static func find(_ config: ProviderConfig, _ query: EffectQuery, cache: ProviderCache? = nil) async -> StockFixture.Run<FoundSound?> {
        let client = FreesoundClient(transport: ProviderTransport(config: config, backoffSeconds: 0.05))
        return await StockFixture.run(stage: .foley, cache: cache) { session throws(ProviderError) in try client.find(query, session: session) }
    }

    @Test func findsACC0SoundWithItsCredit() async throws {
        try await FakeFreesoundServer.serving(seconds: 2) { server, url in
            let run = await Self.find(Self.config(url, licenses: [.cc0]), Self.query(keywords: ["heavy rain", "roof"]))
            let sound = try #require(try run.result.get())
            #expect(sound.fileExtension == "mp3" && sound.durationSeconds == 2)
            let credit = sound.credit
            #expect(credit.role == .effect && credit.source == "freesound" && credit.kind == "freesound" && credit.license == .cc0)
            #expect(credit.title == "heavy rain roof far" && credit.author == "fake_field")
            #expect(credit.authorURL == "https://freesound.org/people/fake_field/" && credit.link == "https://freesound.org/people/fake_field/sounds/1002/")
            // A real MP3 of about the stated length.
            let probe = try await blocking { () -> ProbeResult? in
                let path = NSTemporaryDirectory() + "freesound-\(UUID().uuidString).mp3"
                defer { unlink(path) }
                try? sound.data.write(to: URL(fileURLWithPath: path))
                return try? MediaProbe(decode: true, measureLoudness: false, limits: MediaLimits()).probe(path)
            }
            let result = try #require(probe)
            #expect(result.stream("audio") != nil && abs((result.durationSeconds ?? 0) - 2) < 0.2)
            let sent = await server.requests()
            #expect(sent.map(\.path) == ["/apiv2/search/", "/previews/1002-hq.mp3"])
            #expect(sent.first?.headers["authorization"] == "Token \(FakeFreesoundServer.key)")
            #expect(run.calls.map(\.purpose) == ["effect search", "effect download"] && run.calls.map(\.units) == [1, 0])
            #expect(run.calls.map(\.usd) == [0.002, 0] && run.calls.allSatisfy { $0.stage == .foley && $0.unit == .requests })
        }
    }

    @Test func theSearchFiltersDurationAndLicencesAsTheDocumentsSay() throws {
        let client = FreesoundClient(transport: ProviderTransport(config: Self.config("https://freesound.org", licenses: [.cc0, .ccBy, .ccByNC])))
        let request = try client.search(Self.query(.cityTraffic, min: 0.5, max: 12), licenseFilter: try #require(FreesoundLicense.filter([.cc0, .ccBy, .ccByNC])))
        #expect(request.url.absoluteString.hasPrefix("https://freesound.org/apiv2/search/?"))
        #expect(StockFixture.parameter("query", of: request.url) == "city traffic")
        #expect(StockFixture.parameter("filter", of: request.url)
            == #"duration:[0.500 TO 12] license:("Creative Commons 0" OR "Attribution" OR "Attribution NonCommercial")"#)
        #expect(StockFixture.parameter("fields", of: request.url) == "id,name,username,license,duration,previews,url")
        #expect(StockFixture.parameter("page_size", of: request.url) == "15")
        #expect(request.headers["Authorization"] == "Token \(FakeFreesoundServer.key)" && !request.url.absoluteString.contains(FakeFreesoundServer.key))
    }

    @Test func licenceURLsAreReadWhateverTheirVersion() {
        #expect(FreesoundLicense.license(of: "http://creativecommons.org/publicdomain/zero/1.0/") == .cc0)
        #expect(FreesoundLicense.license(of: "https://creativecommons.org/licenses/by/4.0/") == .ccBy)
        #expect(FreesoundLicense.license(of: "http://creativecommons.org/licenses/by/3.0/") == .ccBy)
        #expect(FreesoundLicense.license(of: "https://creativecommons.org/licenses/by-nc/4.0/") == .ccByNC)
        #expect(FreesoundLicense.license(of: "Attribution") == .ccBy && FreesoundLicense.license(of: "Creative Commons 0") == .cc0)
        #expect(FreesoundLicense.license(of: "http://creativecommons.org/licenses/sampling+/1.0/") == nil)
        #expect(FreesoundLicense.license(of: "https://evil.example/licenses/by/4.0/") == nil)
        #expect(FreesoundLicense.license(of: "") == nil)
    }

    /// A server that ignores the licence filter cannot slip a licence the studio does not take.
    @Test func aReplyIgnoringTheFilterCannotSlipANonAllowedLicenceThrough() async throws {
        try await FakeFreesoundServer.serving(ignoreFilter: true) { server, url in
            for seed in UInt64(0)..<6 {
                let run = await Self.find(Self.config(url, licenses: [.cc0]), Self.query(seed: seed))
                try #expect(try run.result.get()?.credit.license == .cc0)
            }
            let none = await Self.find(Self.config(url, licenses: [.ccByNC]), Self.query())
            try #expect(try none.result.get() == nil)
            #expect(await server.requests().filter { $0.path.hasPrefix("/previews/1001") }.isEmpty)
        }
    }

    @Test func ccBySoundsComeWithAnAttributionLine() async throws {
        try await FakeFreesoundServer.serving { _, url in
            var licenses = Set<MediaLicense>()
            for seed in UInt64(0)..<16 {
                let run = await Self.find(Self.config(url, licenses: [.ccBy, .cc0]), Self.query(seed: seed))
                let sound = try #require(try run.result.get())
                licenses.insert(sound.credit.license)
                if sound.credit.license == .ccBy {
                    #expect(sound.credit.attributionLine == "“rain close” by fake_recordist (freesound.org/people/fake_recordist/sounds/1001), CC BY 4.0")
                }
            }
            // The seed picks among both good results.
            #expect(licenses == [.cc0, .ccBy])
        }
    }

    @Test func aSoundOutsideTheDurationIsNotTakenEvenIfTheReplyOffersIt() async throws {
        try await FakeFreesoundServer.serving(seconds: 2, ignoreFilter: true) { server, url in
            let run = await Self.find(Self.config(url), Self.query(min: 3, max: 8))
            try #expect(try run.result.get() == nil)
            #expect(await server.requests().map(\.path) == ["/apiv2/search/"])
        }
    }

    @Test func nothingFoundIsNil() async throws {
        try await FakeFreesoundServer.serving(seconds: 2) { _, url in
            // The fake honours the duration filter as Freesound does: nothing that long.
            let run = await Self.find(Self.config(url), Self.query(min: 10, max: 20))
            try #expect(try run.result.get() == nil && run.calls.map(\.outcome) == [.succeeded])
        }
    }

    /// A Freesound answering search `n` with `answer(n, base)`, serving a real MP3 at
    /// `/p/good.mp3` and a JPEG at `/p/bad.mp3`.
    static func serving<T: Sendable>(_ answer: @escaping @Sendable (Int, String) async throws -> Response,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let mp3 = try FakeFreesoundServer.mp3(frequency: 300, seconds: 1)
        let jpeg = try FakePexelsServer.jpeg(hex: "000000", width: 16, height: 16)
        return try await StockFixture.serving("apiv2/search/", files: ["p/good.mp3": (mp3, "audio/mpeg"), "p/bad.mp3": (jpeg, "audio/mpeg")],
                                              answer: answer, body)
    }

    static func result(_ preview: String, license: String = "http://creativecommons.org/publicdomain/zero/1.0/", duration: String = "1.0") -> Response {
        FakeProviderServer.json("""
        {"count": 1, "next": null, "previous": null, "results": [{"id": 5, "name": "Drip", "username": "sam", "license": "\(license)",
          "duration": \(duration), "url": "https://freesound.org/people/sam/sounds/5/", "previews": {"preview-hq-mp3": "\(preview)"}}]}
        """)
    }

    @Test func serverErrorsAndRateLimitsAreRetried() async throws {
        try await Self.serving({ count, base in
            switch count {
            case 1: FakeProviderServer.json(#"{"detail": "busy"}"#, status: .tooManyRequests, headers: [.retryAfter: "1"])
            case 2: FakeProviderServer.json(#"{"detail": "oops"}"#, status: .badGateway)
            default: Self.result(base + "/p/good.mp3")
            }
        }) { server, url in
            let run = await Self.find(Self.config(url), Self.query(min: 0.5, max: 2))
            try #expect(try run.result.get()?.credit.title == "Drip")
            #expect(run.calls.first?.attempts == 3)
            #expect(await server.requests().count == 4)
        }
        try await Self.serving({ _, _ in FakeProviderServer.json(#"{"detail": "down"}"#, status: .serviceUnavailable) }) { _, url in
            let run = await Self.find(Self.config(url, retries: 1), Self.query())
            #expect(run.error?.code == .httpStatus && run.error?.status == 503 && run.calls.first?.attempts == 2)
        }
    }

    @Test func aSlowSearchTimesOut() async throws {
        try await Self.serving({ _, base in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            return Self.result(base + "/p/good.mp3")
        }) { _, url in
            let run = await Self.find(Self.config(url, retries: 0, timeout: 1), Self.query())
            #expect(run.error?.code == .timedOut)
        }
    }

    static let hostile: [String] = [
        "<html>502</html>",
        #"{"count": 1, "results": [{"id": 5, "name": "x""#,
        #"{"count": 1, "results": {"id": 5}}"#,
        #"{"count": 1, "results": [{"id": 5, "license": "http://creativecommons.org/publicdomain/zero/1.0/", "duration": "long", "previews": {}}]}"#,
        #"{"count": 1, "results": [{"id": 5, "license": "http://creativecommons.org/publicdomain/zero/1.0/", "duration": 1e999, "previews": {}}]}"#,
        #"{"count": 1, "results": [{"id": 5, "license": "http://creativecommons.org/publicdomain/zero/1.0/", "duration": -3, "previews": {}}]}"#,
        #"{"count": 1, "results": [{"id": 5, "license": "http://creativecommons.org/publicdomain/zero/1.0/", "duration": 1, "previews": {"preview-hq-mp3": 12}}]}"#,
        #"{"count": 1, "results": [{"id": 99999999999999999999999, "license": "x", "duration": 1, "previews": {}}]}"#,
        #"{"count": 1, "results": [{"id": 5, "license": null, "duration": 1, "previews": {}}]}"#,
    ]

    @Test(arguments: hostile)
    func aMalformedReplyIsATypedError(_ body: String) async throws {
        try await Self.serving({ _, _ in FakeProviderServer.json(body) }) { _, url in
            let run = await Self.find(Self.config(url), Self.query())
            #expect(run.error?.code == .malformedReply, "\(body.prefix(60)): \(String(describing: run.error))")
        }
    }

    @Test func aPreviewOffTheProviderIsRefusedAndOneThatIsNoAudioToo() async throws {
        try await Self.serving({ _, _ in Self.result("http://203.0.113.9/p.mp3") }) { server, url in
            let run = await Self.find(Self.config(url), Self.query())
            #expect(run.error?.code == .malformedReply && run.error?.message.contains("refused") == true)
            #expect(await server.requests().count == 1)
        }
        try await Self.serving({ _, base in Self.result(base + "/p/bad.mp3") }) { _, url in
            let run = await Self.find(Self.config(url), Self.query())
            #expect(run.error?.code == .notAudio)
        }
    }

    @Test func aSecondIdenticalSearchIsServedFromTheCache() async throws {
        let scratch = ScratchDirectory()
        try await FakeFreesoundServer.serving { server, url in
            let cache = ProviderCache(directory: scratch.path + "/cache")
            let first = await Self.find(Self.config(url), Self.query(), cache: cache)
            let second = await Self.find(Self.config(url), Self.query(), cache: cache)
            let one = try first.result.get(), two = try second.result.get()
            #expect(one?.data == two?.data && one != nil)
            #expect(await server.requests().count == 2)
            #expect(second.calls.map(\.outcome) == [.cached, .cached] && second.calls.map(\.usd) == [0, 0])
        }
    }

    @Test func theKeyIsInNoLogLineErrorOrRecord() async throws {
        try await FakeProviderServer.serving({ router, server in
            router.get("apiv2/search/") { request, _ -> Response in
                let received = try await server.remember(request)
                return FakeProviderServer.json(#"{"detail": "Invalid token header \#(received.headers["authorization"] ?? "")"}"#, status: .unauthorized)
            }
        }) { _, url in
            let run = await Self.find(Self.config(url), Self.query())
            let error = try #require(run.error)
            #expect(error.status == 401 && !"\(error)".contains(FakeFreesoundServer.key))
            #expect(!run.lines.isEmpty && run.lines.allSatisfy { !$0.contains(FakeFreesoundServer.key) })
            #expect(!String(decoding: try JSONEncoder().encode(run.calls), as: UTF8.self).contains(FakeFreesoundServer.key))
        }
    }
}
