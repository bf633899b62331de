import AIProdCore
import Foundation

/// A configured motion provider (kind `runway`): animates a scene's still into a short video
/// with Runway's image to video. The still is sent inside the request as a data URI; the task
/// is polled every `poll_seconds` up to `max_wait_seconds`; the video is downloaded from the
/// URL the finished task gives. Submissions and polls are never cached. The seconds of video
/// asked are counted (and priced) on the poll that saw the task succeed: a failed task costs
/// nothing. Blocking: call it from the job's dedicated thread.
public struct RemoteMotion: Sendable {
    struct Body: Encodable {
        var promptImage: String
        var promptText: String
        var model: String
        var ratio: String
        var duration: Int
        var seed: UInt64
    }

    struct Submitted: Decodable {
        var id: String
    }

    /// The API version every request names (Runway refuses requests without one).
    static let apiVersion = "2024-11-06"
    /// Runway's limit on `promptText`.
    static let maxPromptCharacters = 1_000
    /// Runway refuses a data URI of 5 MiB or more.
    static let maxDataURIBytes = 5 << 20

    let transport: ProviderTransport

    public init(transport: ProviderTransport) {
        self.transport = transport
    }

    public var name: String { transport.config.name }

    /// Animates `image` (PNG, JPEG or WebP bytes; `imageExtension` is its file's, the bytes
    /// decide) following `prompt`, at the allowed ratio nearest `width`×`height` and the
    /// shortest allowed duration of at least `seconds` (``RunwayShape``).
    public func animate(image: Data, imageExtension: String, prompt: String, width: Int, height: Int,
                        seconds: Double, seed: UInt64, session: ProviderSession) throws(ProviderError) -> GeneratedVideo {
        let config = transport.config
        let name = config.name
        guard config.kind == .runway else { throw ProviderError(.unsupported, provider: name, "a \(config.kind.rawValue) provider does not animate") }
        guard width > 0, height > 0, seconds.isFinite, seconds > 0 else {
            throw ProviderError(.unsupported, provider: name, "cannot ask for \(width)x\(height) video of \(seconds) s")
        }
        guard let format = PictureFormat(magic: image) else {
            throw ProviderError(.unsupported, provider: name, "the still (\(imageExtension.prefix(10))) is not a PNG, JPEG or WebP picture")
        }
        let dataURI = "data:\(format.mimeType);base64," + image.base64EncodedString()
        guard dataURI.utf8.count < Self.maxDataURIBytes else {
            throw ProviderError(.unsupported, provider: name, "the still is too large to send as a data URI (Runway takes under 5 MiB)")
        }
        let shape = RunwayShape(model: config.model, width: width, height: height, seconds: seconds)
        let seed = seed & 0xFFFF_FFFF
        let body = Body(promptImage: dataURI, promptText: PromptText.limited(prompt, maxCharacters: Self.maxPromptCharacters),
                        model: config.model, ratio: shape.ratio, duration: shape.duration, seed: seed)
        let submit = HTTPClientRequest(method: "POST", url: try transport.endpoint("/v1/image_to_video"), headers: headers(json: true),
                                       body: JSONReply.body(body))
        let id = try transport.exchange(submit, purpose: "motion", session: session, cacheable: false, decode: { response throws(ProviderError) -> String in
            try TaskID.check(JSONReply.decode(Submitted.self, from: response.body, provider: name).id, field: "id", provider: name)
        }, units: { _ in 0 })
        let status = HTTPClientRequest(method: "GET", url: try transport.endpoint("/v1/tasks/\(id)"), headers: headers(json: false))
        let url = try TaskPoller(config: config, cancellation: session.cancellation).wait { () throws(ProviderError) -> URL? in
            try transport.exchange(status, purpose: "motion-status", session: session, cacheable: false, decode: { response throws(ProviderError) -> URL? in
                try JSONReply.decode(RunwayTask.self, from: response.body, provider: name).videoURL(provider: name)
            }, units: { $0 == nil ? 0 : Double(shape.duration) })
        }
        let data = try transport.download(url, purpose: "motion-download", session: session) { data throws(ProviderError) in
            _ = try VideoFormat.check(data, what: "the downloaded video", provider: name)
        }
        let video = try VideoFormat.check(data, what: "the downloaded video", provider: name)
        return GeneratedVideo(data: data, fileExtension: video.fileExtension, model: config.model, seed: seed)
    }

    /// Runway's headers: the key as a bearer token and the API version.
    func headers(json: Bool) -> [String: String] {
        var headers = ["X-Runway-Version": Self.apiVersion, "Accept": "application/json"]
        if json { headers["Content-Type"] = "application/json" }
        if let key = transport.config.key { headers["Authorization"] = "Bearer \(key.value)" }
        return headers
    }
}
