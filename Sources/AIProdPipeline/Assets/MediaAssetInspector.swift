import AIProdCore
import AIProdMedia

/// Inspects a file with the media engine's safe opening (local files, an allow-list of
/// demuxers, `[limits]` checked before anything is allocated): a picture stream of one frame
/// that decodes is an image, one that moves is a video, sound alone is audio.
public struct MediaAssetInspector: AssetInspecting {
    /// Demuxers of still pictures (a picture with any other container is judged by its frames).
    static let stillFormats: Set<String> = ["image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe", "gif"]

    public init() {}

    public func inspect(file: String, limits: Limits) throws(PipelineError) -> AssetKind {
        let probe: ProbeResult
        do {
            probe = try MediaProbe(measureLoudness: false, limits: limits.media).probe(file)
        } catch where error.category == .caller {
            throw .unsupportedMedia(file, "the file is not media aiprod can use: \(error.message)")
        } catch {
            throw PipelineError(error, stage: nil)
        }
        if let video = probe.stream("video") {
            let still = Self.stillFormats.contains(probe.format)
                || (video.frames ?? 0) <= 1 && probe.stream("audio") == nil && (probe.durationSeconds ?? 0) < 0.1
            guard still else { return .video }
            // A document named .jpg opens by its extension; only decoding shows it is no picture.
            let decoded = try? MediaProbe(decode: true, measureLoudness: false, limits: limits.media).probe(file)
            guard let decoded, decoded.decodeError == nil, (decoded.stream("video")?.frames ?? 0) >= 1 else {
                throw .unsupportedMedia(file, "the file is not media aiprod can use: no picture could be decoded from it")
            }
            return .image
        }
        if probe.stream("audio") != nil { return .audio }
        throw .unsupportedMedia(file, "the file has neither a picture nor sound")
    }
}
