import AIProdCore
import AIProdStudio
import Foundation

/// The configuration given with `--config`, read once through ``ServiceConfig`` (the daemon's
/// reader, so the CLI and `aiprod serve` accept exactly the same files and `AIPROD_…`
/// overrides); without a file, the defaults with the overrides. A missing file, a malformed
/// line, an unknown key or a bad value is bad input naming the file, line and key.
struct ConfigFile {
    let path: String?
    let service: ServiceConfig

    init(_ path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StudioError) {
        self.path = path
        do {
            service = try ServiceConfig.load(path: path, environment: environment)
        } catch {
            throw StudioError(.invalidOption, error.description)
        }
    }

    /// `[studio]`.
    func studio() throws(StudioError) -> StudioConfig { service.studio }

    /// `[limits]`.
    func limits() throws(StudioError) -> Limits { service.limits }
}
