import AIProdCore
import AIProdMedia
import Foundation

/// Reads a timeline file and decodes it strictly; media paths resolve inside its folder (or
/// anywhere, when the user allowed it with `--allow-outside-paths`).
enum TimelineLoader {
    static func load(_ path: String, limits: MediaLimits = MediaLimits(), reach: AssetResolver.Reach = .confined) throws -> (Timeline, AssetResolver) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MediaError(.fileNotFound, file: path, "timeline file not found")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MediaError(.fileUnreadable, file: path, "timeline file is not readable")
        }
        let timeline = try TimelineDecoder().decode(data)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return (timeline, AssetResolver(baseDirectory: directory, limits: limits, reach: reach))
    }
}
