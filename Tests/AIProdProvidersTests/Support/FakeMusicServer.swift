import AIProdCore
import AIProdMedia
import AIProdProviders
import Foundation
import Hummingbird

/// A studio's music model behind one POST, on loopback (`kind = music-http`): it reads
/// `{"prompt", "duration", "seed", "model"}` and answers a REAL piece — a 16-bit 48 kHz stereo
/// WAV made with libav, `duration` seconds (at most 120) of a chord whose root frequency
/// derives from the seed (220 Hz + seed mod 220) — as the audio itself (`.raw`), as JSON
/// `{"audio_base64", "model"}` (`.base64`) or as JSON `{"url"}` pointing to the file on the
/// fake's own host (`.link`). A body without a prompt or a positive duration gets a 400.
enum FakeMusicServer {
    enum Reply: Sendable { case raw, base64, link }

    static let key = "music-fake-key-0123456789abcdef"
    static let path = "generate"

    struct Body: Decodable {
        var prompt: String
        var duration: Double
        var seed: UInt64
        var model: String?
    }

    /// The piece the fake makes for `seconds` and `seed`.
    static func wav(seconds: Double, seed: UInt64) throws -> Data {
        let root = 220 + Int(seed % 220)
        return try FakePexelsServer.encoded("wav") { path in
            try SyntheticMedia(audioCodec: "pcm_s16le", container: "wav").write(
                audio: "aevalsrc=0.2*sin(2*PI*\(root)*t)+0.15*sin(2*PI*\(root * 5 / 4)*t)+0.1*sin(2*PI*\(root * 3 / 2)*t):d=\(seconds)",
                channels: 2, to: path)
        }
    }

    /// Adds the route (`POST /generate`, and `GET /files/SEED-SECONDS.wav` for `.link`).
    static func routes(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer, reply: Reply = .raw) {
        router.post(RouterPath(path)) { request, _ -> Response in
            let received = try await server.remember(request)
            guard let body = try? JSONDecoder().decode(Body.self, from: received.body), !body.prompt.isEmpty, body.duration > 0, body.duration <= 600 else {
                return FakeProviderServer.json(#"{"error": "prompt and a positive duration are required"}"#, status: .badRequest)
            }
            let seconds = min(body.duration, 120)
            switch reply {
            case .link:
                return FakeProviderServer.json(#"{"url": "http://\#(request.head.authority ?? "")/files/\#(body.seed)-\#(seconds).wav"}"#)
            case .raw, .base64:
                let data = await blocking { try? wav(seconds: seconds, seed: body.seed) }
                guard let data else { return FakeProviderServer.json(#"{"error": "cannot encode"}"#, status: .internalServerError) }
                if reply == .raw { return FakeProviderServer.bytes(data, contentType: "application/octet-stream") }
                return FakeProviderServer.json(#"{"audio_base64": "\#(data.base64EncodedString())", "model": "fake-musicgen"}"#)
            }
        }
        router.get("files/:name") { request, context -> Response in
            _ = try await server.remember(request)
            let parts = (context.parameters.get("name") ?? "").replacingOccurrences(of: ".wav", with: "").split(separator: "-")
            guard parts.count == 2, let seed = UInt64(parts[0]), let seconds = Double(parts[1]), seconds > 0, seconds <= 120 else {
                return FakeProviderServer.json(#"{"error": "not found"}"#, status: .notFound)
            }
            let data = await blocking { try? wav(seconds: seconds, seed: seed) }
            guard let data else { return FakeProviderServer.json(#"{"error": "cannot encode"}"#, status: .internalServerError) }
            return FakeProviderServer.bytes(data, contentType: "audio/wav")
        }
    }

    /// Runs the fake; `body` gets the server and the URL to configure (`http://127.0.0.1:PORT/generate`).
    static func serving<T: Sendable>(reply: Reply = .raw, _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in routes(router, server, reply: reply) }) { server, base in
            try await body(server, base + "/" + path)
        }
    }

    /// A `[provider.NAME]` of kind music-http for the fake at `url`.
    static func config(_ url: String, name: String = "musicgen", model: String = "musicgen-small", key: String? = FakeMusicServer.key) -> ProviderConfig {
        var config = ProviderConfig(name: name, kind: .musicHTTP, url: url, model: model, key: key.map(ProviderKey.init))
        // A full parallel test run can keep the loopback server waiting for a thread for minutes.
        config.timeoutSeconds = 300
        return config
    }
}
