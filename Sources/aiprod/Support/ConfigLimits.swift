import AIProdCore
import AIProdStudio
import Foundation

/// The `[limits]` of the configuration file given with `--config` (the defaults without one).
enum ConfigLimits {
    static func load(_ config: String?) throws(StudioError) -> Limits {
        guard let config else { return Limits() }
        guard let data = FileManager.default.contents(atPath: config) else {
            throw StudioError(.invalidOption, "configuration file \(config) not found or not readable")
        }
        do {
            return try Limits(ini: INIFile(parsing: String(decoding: data, as: UTF8.self)))
        } catch {
            throw StudioError(.invalidOption, "\(config): \(error)")
        }
    }
}
