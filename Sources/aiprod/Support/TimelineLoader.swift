import AIProdCore
import AIProdMedia
import Foundation

/// Reads a timeline file and decodes it strictly; media paths resolve inside its folder (or
/// anywhere, when the user allowed it with `--allow-outside-paths`).
enum TimelineLoader {
    /// The document's size is checked before it is read: a multi-gigabyte "timeline" is refused
    /// without being loaded.
    static func load(_ path: String, limits: Limits = Limits(), reach: AssetResolver.Reach = .confined) throws -> (Timeline, AssetResolver) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw MediaError(.fileNotFound, file: path, "timeline file not found")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.documents.maxJSONBytes else {
            throw MediaError(.overLimit, file: path, "the timeline is \(size) bytes, over the limit of \(limits.documents.maxJSONBytes) (max_json_bytes in [limits])")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MediaError(.fileUnreadable, file: path, "timeline file is not readable")
        }
        let timeline = try TimelineDecoder(limits: limits.documents).decode(data)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return (timeline, AssetResolver(baseDirectory: directory, limits: limits.media, reach: reach))
    }
}
