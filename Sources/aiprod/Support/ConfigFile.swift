import AIProdCore
import AIProdStudio
import Foundation

/// The configuration file given with `--config`, read and parsed once; each section is taken
/// from it (the defaults without a file). A missing file, a malformed line or a bad value is
/// bad input naming the file.
struct ConfigFile {
    let path: String?
    let ini: INIFile?

    init(_ path: String?) throws(StudioError) {
        self.path = path
        guard let path else {
            ini = nil
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StudioError(.invalidOption, "configuration file \(path) not found or not readable")
        }
        do {
            ini = try INIFile(parsing: String(decoding: data, as: UTF8.self))
        } catch {
            throw StudioError(.invalidOption, "\(path): \(error)")
        }
    }

    /// `[studio]`.
    func studio() throws(StudioError) -> StudioConfig {
        guard let ini else { return StudioConfig() }
        do {
            return try StudioConfig(ini: ini)
        } catch {
            throw StudioError(.invalidOption, "\(path ?? ""): \(error)")
        }
    }

    /// `[limits]`.
    func limits() throws(StudioError) -> Limits {
        guard let ini else { return Limits() }
        do {
            return try Limits(ini: ini)
        } catch {
            throw StudioError(.invalidOption, "\(path ?? ""): \(error)")
        }
    }
}
