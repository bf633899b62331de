import AIProdCore
import AIProdPipeline
import AIProdServer
import AIProdStore

/// The server's upload check on the pipeline's media inspector: the server stays free of libav,
/// the daemon hands it this.
struct MediaProber: AssetProbing {
    let inspector = MediaAssetInspector()

    func kind(ofFile path: String, limits: Limits) throws -> AssetKind {
        try inspector.inspect(file: path, limits: limits)
    }
}
