import Foundation
import Hummingbird

/// A well-behaved image server on loopback speaking both image APIs the lead's end-to-end test
/// needs: AUTOMATIC1111's `POST /sdapi/v1/txt2img` (base URL: the server's) and OpenAI's
/// `POST /v1/images/generations` (base URL: the server's + `/v1`). Each answers one real
/// picture of the size asked whose colour derives from the request's prompt — see
/// ``FakeImagePicture`` for the rule (`FakeImagePicture.colour(for: prompt)`).
///
/// openai: `response_format: "url"` is answered with a link to `GET /files/NAME` on this
/// server; anything else with `b64_json`. a1111: `images` holds one base64 PNG and `info`
/// names `sd_model_checkpoint` (or `fake-sd`) as `sd_model_name`.
enum FakeImageServer {
    /// `maxSide`: answer pictures scaled down to at most this side (same aspect), for tests
    /// that do not need full-size pictures; nil answers the size asked.
    static func serving<T: Sendable>(maxSide: Int? = nil, jpeg: Bool = false,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            addRoutes(to: router, server: server, maxSide: maxSide, jpeg: jpeg)
        }, body)
    }

    static func addRoutes(to router: Router<BasicRequestContext>, server: FakeProviderServer, maxSide: Int? = nil, jpeg: Bool = false) {
        let files = FileShelf()
        router.post("sdapi/v1/txt2img") { request, _ -> Response in
            let received = try await server.remember(request)
            guard let object = try? JSONSerialization.jsonObject(with: received.body) as? [String: Any], let prompt = object["prompt"] as? String,
                  let width = object["width"] as? Int, let height = object["height"] as? Int, (64...4096).contains(width), (64...4096).contains(height) else {
                return FakeProviderServer.json(#"{"detail": "bad request"}"#, status: .badRequest)
            }
            let model = ((object["override_settings"] as? [String: Any])?["sd_model_checkpoint"] as? String) ?? "fake-sd"
            let size = scaled(width, height, maxSide: maxSide)
            let picture = try FakeImagePicture.picture(for: prompt, width: size.0, height: size.1, jpeg: jpeg)
            let info = String(decoding: try JSONSerialization.data(withJSONObject: ["sd_model_name": model, "seed": object["seed"] ?? 0] as [String: Any]), as: UTF8.self)
            let reply = try JSONSerialization.data(withJSONObject: ["images": [picture.base64EncodedString()], "parameters": [String: Any](), "info": info] as [String: Any])
            return FakeProviderServer.json(String(decoding: reply, as: UTF8.self))
        }
        router.post("v1/images/generations") { request, _ -> Response in
            let received = try await server.remember(request)
            guard let object = try? JSONSerialization.jsonObject(with: received.body) as? [String: Any], let prompt = object["prompt"] as? String,
                  let size = object["size"] as? String else {
                return FakeProviderServer.json(#"{"error": {"message": "bad request"}}"#, status: .badRequest)
            }
            let sides = size.split(separator: "x").compactMap { Int($0) }
            guard sides.count == 2, (256...1792).contains(sides[0]), (256...1792).contains(sides[1]) else {
                return FakeProviderServer.json(#"{"error": {"message": "bad size"}}"#, status: .badRequest)
            }
            let scaledSize = scaled(sides[0], sides[1], maxSide: maxSide)
            let picture = try FakeImagePicture.picture(for: prompt, width: scaledSize.0, height: scaledSize.1, jpeg: jpeg)
            let item: [String: Any]
            if object["response_format"] as? String == "url" {
                let name = "\(UUID().uuidString).\(jpeg ? "jpg" : "png")"
                await files.put(name, picture)
                item = ["url": "http://\(request.head.authority ?? "127.0.0.1")/files/\(name)", "revised_prompt": prompt]
            } else {
                item = ["b64_json": picture.base64EncodedString(), "revised_prompt": prompt]
            }
            let reply = try JSONSerialization.data(withJSONObject: ["created": 1_700_000_000, "data": [item]] as [String: Any])
            return FakeProviderServer.json(String(decoding: reply, as: UTF8.self))
        }
        router.get("files/:name") { request, context -> Response in
            _ = try await server.remember(request)
            guard let name = context.parameters.get("name"), let data = await files.get(name) else {
                return FakeProviderServer.json(#"{"error": "not found"}"#, status: .notFound)
            }
            return FakeProviderServer.bytes(data, contentType: jpeg ? "image/jpeg" : "image/png")
        }
    }

    static func scaled(_ width: Int, _ height: Int, maxSide: Int?) -> (Int, Int) {
        guard let maxSide, max(width, height) > maxSide else { return (width, height) }
        let scale = Double(maxSide) / Double(max(width, height))
        // Even sides: JPEG's 4:2:0 chroma wants them.
        func even(_ side: Int) -> Int { max(Int((Double(side) * scale / 2).rounded()) * 2, 2) }
        return (even(width), even(height))
    }
}

/// Files a fake serves under `/files/NAME` (links it answered with).
actor FileShelf {
    private var files: [String: Data] = [:]

    func put(_ name: String, _ data: Data) {
        files[name] = data
    }

    func get(_ name: String) -> Data? { files[name] }
}
