import AIProdCore
import AIProdMedia
import AIProdProviders
import Foundation
import Hummingbird

/// Pexels on loopback, speaking its public API (`GET /v1/search`, `GET /videos/search`,
/// `Authorization: KEY`) with REAL media: each photo search answers one photo — a solid-colour
/// JPEG made with libav — whose colour derives from the search words, so a test can tell which
/// scene's photo is on screen; each video search answers nothing unless the fake was started
/// with `video: true` (then one real H.264 MP4 of the same colour and size, `videoSeconds` long).
///
/// **The colour rule**: the FNV-1a 64-bit hash of the `query` parameter as received (UTF-8,
/// exactly the words the client sent, joined by single spaces); red = bits 16–23, green =
/// bits 8–15, blue = bits 0–7 of the hash (``colour(forQuery:)``). JPEG coding moves a solid
/// colour by a few levels, so compare within a tolerance (±8 per channel is ample).
///
/// The photo is `photoWidth`×`photoHeight` (1920×1080 unless told; swapped for
/// `orientation=portrait`, the shorter side squared for `square`), and the reply states its
/// real size, the photographer "Fake Photographer N" with a pexels.com page, the photo's page
/// and an `alt` of "Photo of QUERY". Files are served from the fake's own host (the client
/// may fetch them: they are on the provider's own http host).
enum FakePexelsServer {
    static let key = "pexels-fake-key-0123456789abcdef"

    /// The colour of the photo the fake answers for `query`; see the rule above.
    static func colour(forQuery query: String) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let hash = fnv1a(query)
        return (UInt8(truncatingIfNeeded: hash >> 16), UInt8(truncatingIfNeeded: hash >> 8), UInt8(truncatingIfNeeded: hash))
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `RRGGBB` of a colour.
    static func hex(_ colour: (red: UInt8, green: UInt8, blue: UInt8)) -> String {
        String(format: "%02x%02x%02x", colour.red, colour.green, colour.blue)
    }

    /// A solid-colour JPEG (`RRGGBB`) of the size, encoded by libav's mjpeg.
    static func jpeg(hex: String, width: Int, height: Int) throws -> Data {
        try encoded("jpg") { path in try SyntheticMedia.image("color=c=0x\(hex):s=\(width)x\(height)", to: path) }
    }

    /// A solid-colour H.264 MP4 (`RRGGBB`) of the size and length, 25 fps.
    static func mp4(hex: String, width: Int, height: Int, seconds: Double) throws -> Data {
        try encoded("mp4") { path in
            try SyntheticMedia().write(video: "color=c=0x\(hex):s=\(width)x\(height):r=25:d=\(seconds),format=yuv420p", to: path)
        }
    }

    /// What `write` put in a temporary file of the extension.
    static func encoded(_ fileExtension: String, _ write: (String) throws -> Void) throws -> Data {
        let path = NSTemporaryDirectory() + "fake-media-\(UUID().uuidString).\(fileExtension)"
        defer { unlink(path) }
        try write(path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The mean colour of a picture (or a video's frames), decoded by libav and scaled to 2×2:
    /// what a test compares with ``colour(forQuery:)``.
    static func meanColour(of media: Data, fileExtension: String) throws -> (red: Double, green: Double, blue: Double) {
        let input = NSTemporaryDirectory() + "fake-colour-\(UUID().uuidString).\(fileExtension)"
        try media.write(to: URL(fileURLWithPath: input))
        defer { unlink(input) }
        let yuv = try encoded("yuv") { path in
            try SyntheticMedia(videoCodec: "rawvideo", container: "rawvideo").write(video: "movie=\(input),scale=2:2,format=yuv420p", to: path)
        }
        // One 2×2 yuv420p frame (BT.601, limited range) is 4 luma bytes, then U, then V.
        guard yuv.count >= 6 else { throw CocoaError(.fileReadCorruptFile) }
        let bytes = [UInt8](yuv.prefix(6))
        let y = (Double(bytes[0]) + Double(bytes[1]) + Double(bytes[2]) + Double(bytes[3])) / 4 - 16
        let u = Double(bytes[4]) - 128, v = Double(bytes[5]) - 128
        func clamp(_ value: Double) -> Double { min(255, max(0, value)) }
        return (clamp(1.164 * y + 1.596 * v), clamp(1.164 * y - 0.392 * u - 0.813 * v), clamp(1.164 * y + 2.017 * u))
    }

    /// The photo's size for the orientation asked.
    static func size(width: Int, height: Int, orientation: String?) -> (width: Int, height: Int) {
        switch orientation {
        case "portrait": (min(width, height), max(width, height))
        case "square": (min(width, height), min(width, height))
        default: (max(width, height), min(width, height))
        }
    }

    /// Adds the search and file routes to a ``FakeProviderServer``'s router.
    static func routes(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer, photoWidth: Int = 1_920, photoHeight: Int = 1_080,
                       video: Bool = false, videoSeconds: Double = 2) {
        router.get("v1/search") { request, _ -> Response in
            _ = try await server.remember(request)
            guard request.headers[.authorization].map({ !$0.isEmpty }) == true else {
                return FakeProviderServer.json(#"{"error": "Unauthorized"}"#, status: .unauthorized)
            }
            let query = request.uri.queryParameters["query"].map(String.init) ?? ""
            let hex = Self.hex(colour(forQuery: query))
            let (width, height) = size(width: photoWidth, height: photoHeight, orientation: request.uri.queryParameters["orientation"].map(String.init))
            let base = "http://\(request.head.authority ?? "127.0.0.1")"
            let id = fnv1a(query) & 0x7FFF_FFFF
            let file = "\(base)/files/\(hex)-\(width)x\(height).jpg"
            let photo: [String: Any] = [
                "id": id, "width": width, "height": height, "url": "https://www.pexels.com/photo/\(id)/",
                "photographer": "Fake Photographer \(id % 100)", "photographer_url": "https://www.pexels.com/@fake-\(id % 100)",
                "photographer_id": id % 100, "avg_color": "#\(hex)", "alt": "Photo of \(query)", "liked": false,
                "src": ["original": file, "large2x": file, "large": file, "medium": file, "small": file, "portrait": file, "landscape": file, "tiny": file],
            ]
            return try page(["photos": [photo], "page": 1, "per_page": 15, "total_results": 1])
        }
        router.get("videos/search") { request, _ -> Response in
            _ = try await server.remember(request)
            guard request.headers[.authorization].map({ !$0.isEmpty }) == true else {
                return FakeProviderServer.json(#"{"error": "Unauthorized"}"#, status: .unauthorized)
            }
            guard video else { return try page(["videos": [], "page": 1, "per_page": 15, "total_results": 0]) }
            let query = request.uri.queryParameters["query"].map(String.init) ?? ""
            let hex = Self.hex(colour(forQuery: query))
            let (width, height) = size(width: photoWidth, height: photoHeight, orientation: request.uri.queryParameters["orientation"].map(String.init))
            let base = "http://\(request.head.authority ?? "127.0.0.1")"
            let id = fnv1a(query) & 0x7FFF_FFFF
            let entry: [String: Any] = [
                "id": id, "width": width, "height": height, "duration": Int(videoSeconds.rounded(.up)),
                "url": "https://www.pexels.com/video/\(id)/", "image": "\(base)/files/\(hex)-\(width)x\(height).jpg",
                "user": ["id": id % 100, "name": "Fake Videographer \(id % 100)", "url": "https://www.pexels.com/@fake-video-\(id % 100)"],
                "video_files": [
                    ["id": 1, "quality": "hd", "file_type": "video/mp4", "width": width, "height": height, "link": "\(base)/files/\(hex)-\(width)x\(height)-\(videoSeconds).mp4"],
                ],
            ]
            return try page(["videos": [entry], "page": 1, "per_page": 15, "total_results": 1])
        }
        router.get("files/:name") { request, context -> Response in
            _ = try await server.remember(request)
            let name = context.parameters.get("name") ?? ""
            // RRGGBB-WxH.jpg or RRGGBB-WxH-SECONDS.mp4
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            let parts = stem.split(separator: "-")
            let dimensions = parts.count >= 2 ? parts[1].split(separator: "x").compactMap { Int($0) } : []
            guard parts.count >= 2, parts[0].count == 6, dimensions.count == 2, (1...4_096).contains(dimensions[0]), (1...4_096).contains(dimensions[1]) else {
                return FakeProviderServer.json(#"{"error": "Not found"}"#, status: .notFound)
            }
            let hex = String(parts[0]), width = dimensions[0], height = dimensions[1]
            let seconds = parts.count >= 3 ? Double(parts[2]) : nil
            let data = await blocking { () -> Data? in
                if name.hasSuffix(".mp4") { return try? mp4(hex: hex, width: width, height: height, seconds: seconds ?? 2) }
                return try? jpeg(hex: hex, width: width, height: height)
            }
            guard let data else { return FakeProviderServer.json(#"{"error": "cannot encode"}"#, status: .internalServerError) }
            return FakeProviderServer.bytes(data, contentType: name.hasSuffix(".mp4") ? "video/mp4" : "image/jpeg")
        }
    }

    static func page(_ object: [String: Any]) throws -> Response {
        FakeProviderServer.json(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    }

    /// Runs the fake; `body` gets the server and its base URL (what `url` should be).
    static func serving<T: Sendable>(photoWidth: Int = 1_920, photoHeight: Int = 1_080, video: Bool = false, videoSeconds: Double = 2,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            routes(router, server, photoWidth: photoWidth, photoHeight: photoHeight, video: video, videoSeconds: videoSeconds)
        }, body)
    }

    /// A `[provider.NAME]` of kind pexels for the fake at `url`, with the fake's key.
    static func config(_ url: String, name: String = "pexels", usdPer1kUnits: Double = 0) -> ProviderConfig {
        var config = ProviderConfig(name: name, kind: .pexels, url: url, key: ProviderKey(key), usdPer1kUnits: usdPer1kUnits)
        // A full parallel test run can keep the loopback server waiting for a thread for minutes.
        config.timeoutSeconds = 300
        return config
    }
}
