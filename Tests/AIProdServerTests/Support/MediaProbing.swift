import AIProdCore
import AIProdMedia
import AIProdServer
import AIProdStore

/// Uploads typed by the real libav probe.
struct MediaProbing: AssetProbing {
    struct NotMedia: CategorizedError {
        var errorCode: String { "unsupported_media" }
        var errorMessage: String
        var errorField: String? { "file" }
        var category: ErrorCategory { .caller }
    }

    func kind(ofFile path: String, limits: Limits) throws -> AssetKind {
        let result: ProbeResult
        do {
            result = try MediaProbe(measureLoudness: false, limits: limits.media).probe(path)
        } catch {
            throw NotMedia(errorMessage: "\(error)")
        }
        if let video = result.stream("video") {
            _ = video
            return result.format.contains("pipe") || result.format == "image2" ? .image : .video
        }
        if result.stream("audio") != nil { return .audio }
        throw NotMedia(errorMessage: "no audio or video stream")
    }
}
