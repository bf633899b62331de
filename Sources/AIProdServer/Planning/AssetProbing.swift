import AIProdCore
import AIProdStore

/// Tells what an uploaded file really is by probing its content (libav), never by its name.
/// The daemon adapts the pipeline's `MediaAssetInspector`; the server stays free of libav.
/// Called on a thread-pool thread.
public protocol AssetProbing: Sendable {
    /// - Throws: a ``CategorizedError``: `.caller` means "not media we accept" (415).
    func kind(ofFile path: String, limits: Limits) throws -> AssetKind
}
