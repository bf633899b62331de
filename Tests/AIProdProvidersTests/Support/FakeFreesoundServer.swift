import AIProdCore
import AIProdMedia
import AIProdProviders
import Foundation
import Hummingbird

/// Freesound's API v2 on loopback: the search (`GET /apiv2/search/`, and the older
/// `/apiv2/search/text/`), `Authorization: Token KEY`, answering two sounds for any words — a
/// CC BY one first (id 1001, "QUERY close", by "fake_recordist", 440 Hz) and a CC0 one (id
/// 1002, "QUERY far", by "fake_field", 660 Hz) — whose previews are REAL MP3s (libmp3lame
/// through libav, a sine tone of `seconds` at 44.1 kHz mono) served from the fake's own host.
/// Like Freesound, it honours the search's `license:` filter (a sound whose licence name is not
/// in it is left out) and its `duration:[a TO b]` filter; `ignoreFilter: true` answers both
/// sounds whatever the filter says (a server that ignores it), for licence tests.
enum FakeFreesoundServer {
    static let key = "freesound-fake-key-0123456789abcdef"

    /// One sound the fake knows.
    struct Sound: Sendable {
        var id: Int
        var suffix: String
        var username: String
        var licenseURL: String
        var filterName: String
        var frequency: Int
    }

    static let sounds = [
        Sound(id: 1001, suffix: "close", username: "fake_recordist", licenseURL: "https://creativecommons.org/licenses/by/4.0/",
              filterName: "Attribution", frequency: 440),
        Sound(id: 1002, suffix: "far", username: "fake_field", licenseURL: "http://creativecommons.org/publicdomain/zero/1.0/",
              filterName: "Creative Commons 0", frequency: 660),
    ]

    /// A sine tone of `seconds` as MP3 (44.1 kHz mono).
    static func mp3(frequency: Int, seconds: Double) throws -> Data {
        try FakePexelsServer.encoded("mp3") { path in
            try SyntheticMedia(audioCodec: "libmp3lame", container: "mp3")
                .write(audio: "sine=f=\(frequency):d=\(seconds)", channels: 1, sampleRate: 44_100, to: path)
        }
    }

    /// Whether a `duration:[a TO b]` filter (if any) admits `seconds`.
    static func durationAdmits(_ filter: String, seconds: Double) -> Bool {
        guard let start = filter.range(of: "duration:["), let end = filter[start.upperBound...].firstIndex(of: "]") else { return true }
        let bounds = filter[start.upperBound..<end].components(separatedBy: " TO ").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard bounds.count == 2 else { return true }
        return bounds[0] <= seconds && seconds <= bounds[1]
    }

    /// Adds the search and preview routes to a ``FakeProviderServer``'s router.
    static func routes(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer, seconds: Double = 2, ignoreFilter: Bool = false) {
        let search: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            _ = try await server.remember(request)
            guard request.headers[.authorization]?.hasPrefix("Token ") == true else {
                return FakeProviderServer.json(#"{"detail": "Authentication credentials were not provided."}"#, status: .unauthorized)
            }
            let query = request.uri.queryParameters["query"].map(String.init) ?? ""
            let filter = request.uri.queryParameters["filter"].map(String.init) ?? ""
            let base = "http://\(request.head.authority ?? "127.0.0.1")"
            let results: [[String: Any]] = sounds.filter { sound in
                ignoreFilter || ((!filter.contains("license:") || filter.contains("\"\(sound.filterName)\"")) && durationAdmits(filter, seconds: seconds))
            }.map { sound in
                [
                    "id": sound.id, "name": "\(query) \(sound.suffix)", "username": sound.username, "license": sound.licenseURL,
                    "duration": seconds, "url": "https://freesound.org/people/\(sound.username)/sounds/\(sound.id)/",
                    "previews": [
                        "preview-hq-mp3": "\(base)/previews/\(sound.id)-hq.mp3", "preview-lq-mp3": "\(base)/previews/\(sound.id)-lq.mp3",
                        "preview-hq-ogg": "\(base)/previews/\(sound.id)-hq.ogg", "preview-lq-ogg": "\(base)/previews/\(sound.id)-lq.ogg",
                    ],
                ]
            }
            let object: [String: Any] = ["count": results.count, "next": NSNull(), "previous": NSNull(), "results": results]
            return FakeProviderServer.json(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        router.get("apiv2/search/", use: search)
        router.get("apiv2/search/text/", use: search)
        router.get("previews/:name") { request, context -> Response in
            _ = try await server.remember(request)
            let name = context.parameters.get("name") ?? ""
            guard let id = name.split(separator: "-").first.flatMap({ Int($0) }), let sound = sounds.first(where: { $0.id == id }), name.hasSuffix(".mp3") else {
                return FakeProviderServer.json(#"{"detail": "Not found."}"#, status: .notFound)
            }
            let data = await blocking { try? mp3(frequency: sound.frequency, seconds: seconds) }
            guard let data else { return FakeProviderServer.json(#"{"detail": "cannot encode"}"#, status: .internalServerError) }
            return FakeProviderServer.bytes(data, contentType: "audio/mpeg")
        }
    }

    /// Runs the fake; `body` gets the server and its base URL (what `url` should be).
    static func serving<T: Sendable>(seconds: Double = 2, ignoreFilter: Bool = false,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in routes(router, server, seconds: seconds, ignoreFilter: ignoreFilter) }, body)
    }

    /// A `[provider.NAME]` of kind freesound for the fake at `url`, with the fake's key and the
    /// licences accepted.
    static func config(_ url: String, name: String = "freesound", licenses: [MediaLicense] = [.cc0, .ccBy]) -> ProviderConfig {
        var config = ProviderConfig(name: name, kind: .freesound, url: url, key: ProviderKey(key))
        config.licenses = licenses
        // A full parallel test run can keep the loopback server waiting for a thread for minutes.
        config.timeoutSeconds = 300
        return config
    }
}
