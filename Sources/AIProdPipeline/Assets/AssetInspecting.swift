import AIProdCore

/// Tells what an uploaded file is by opening it as media, never by its name: the server calls
/// it on each upload (off its event loops: it blocks) and refuses what is not an image, a
/// video or sound with a caller error `unsupported_media`.
public protocol AssetInspecting: Sendable {
    func inspect(file: String, limits: Limits) throws(PipelineError) -> AssetKind
}
