import AIProdCore
import AIProdStudio
import Foundation

/// Plans the input as a script. The first three bytes pick the preset, the target duration
/// (none, or 1 to 255 s) and the seed; the rest is the script, as UTF-8 (invalid sequences
/// become U+FFFD, as when the CLI reads a file).
struct ScriptFuzzer {
    /// Bytes before the script text.
    static let headerCount = 3

    func run(_ data: Data) {
        let header = Array(data.prefix(Self.headerCount)) + Array(repeating: 0, count: Self.headerCount)
        let preset = Preset.builtin[Int(header[0]) % Preset.builtin.count]
        let target = header[1] == 0 ? nil : Rational(Int64(header[1]))
        let script = String(decoding: data.dropFirst(Self.headerCount), as: UTF8.self)
        _ = try? OfflinePlanner().plan(script, preset: preset, seed: UInt64(header[2]), targetDuration: target)
    }
}
