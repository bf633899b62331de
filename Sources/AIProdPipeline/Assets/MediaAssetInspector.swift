import AIProdCore
import AIProdStore
import AIProdMedia

/// Inspects a file with the media engine's safe opening (local files, an allow-list of
/// demuxers, `[limits]` checked before anything is allocated): a picture stream of one frame
/// that decodes is an image, one that moves is a video, sound alone is audio.
public struct MediaAssetInspector: Sendable {
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
        if probe.stream("video") != nil {
            guard StillPicture.isStill(probe) else { return .video }
            guard StillPicture.decodes(file, limits: limits.media) else {
                throw .unsupportedMedia(file, "the file is not media aiprod can use: no picture could be decoded from it")
            }
            return .image
        }
        if probe.stream("audio") != nil { return .audio }
        throw .unsupportedMedia(file, "the file has neither a picture nor sound")
    }
}
