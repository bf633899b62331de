import AIProdCore
import AIProdStudio
import ArgumentParser
import Foundation

/// Options shared by `render` (for a script) and `plan`.
struct StudioOptions: ParsableArguments {
    @Option(help: "Preset: \(Preset.builtin.map(\.name).joined(separator: ", ")).")
    var preset = Preset.web720p.name

    @Option(help: "Seed for every choice left to chance (same script, preset and seed: same video).")
    var seed: UInt64 = 1

    @Option(help: "Target duration in seconds, reached by pacing (never by cutting words).")
    var duration: String?

    @Option(help: "The configuration file (see etc/aiprod.ini).")
    var config: String?

    func resolvedPreset() throws(StudioError) -> Preset {
        guard let preset = Preset.named(preset) else {
            throw StudioError(.unknownPreset, "unknown preset \"\(preset)\"; choose one of \(Preset.builtin.map(\.name).joined(separator: ", "))")
        }
        return preset
    }

    func targetDuration() throws(StudioError) -> Rational? {
        guard let duration else { return nil }
        guard let value = Rational(parsing: duration), value.isPositive, value <= Rational(6 * 3600) else {
            throw StudioError(.invalidOption, "--duration must be a number of seconds between 0 and 21600, got \"\(duration)\"")
        }
        return value
    }

    /// Reads a script as UTF-8, refusing early a file far over the size limit.
    static func readScript(_ path: String, config: StudioConfig) throws(StudioError) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StudioError(.invalidOption, "script file \(path) not found")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > config.maxScriptCharacters * 4 {
            throw StudioError(.scriptTooLong, "the script is \(size) bytes, over the limit of \(config.maxScriptCharacters) characters")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StudioError(.invalidOption, "script file \(path) is not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StudioError(.invalidOption, "script file \(path) is not UTF-8 text")
        }
        return text
    }
}
