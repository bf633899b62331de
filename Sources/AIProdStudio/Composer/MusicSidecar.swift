import AIProdCore
import Foundation

/// The small text files that may sit next to a library piece: `NAME.tags` (its moods, as
/// words separated by commas or white space) and `NAME.credit` (`key: value` lines: `title`,
/// `author`, `author_url`, `link`, `license` as `cc0`, `cc-by`, `cc-by-nc`, `studio`…).
///
/// A studio's folder is trusted no further than an upload: a sidecar over `maxBytes`, not
/// UTF-8, or holding a NUL is ignored as if absent; each value is cut to `maxValue` characters.
public enum MusicSidecar {
    public static let maxBytes = 4_096
    public static let maxValue = 300

    /// The text of the sidecar at `path`, nil when absent, too large or not text.
    public static func text(at path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= maxBytes,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxBytes + 1), data.count <= maxBytes, !data.contains(0),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return text
    }

    /// The moods a tags text names (other words are ignored), in `Mood.allCases` order.
    public static func moods(_ text: String) -> [Mood] {
        let words = Set(text.lowercased().split { $0 == "," || $0.isWhitespace }.map(String.init))
        return Mood.allCases.filter { words.contains($0.rawValue) }
    }

    /// A library piece's credit: `title` from the file name unless the credit text names one.
    public static func credit(_ text: String?, title: String) -> Credit {
        var credit = Credit(role: .music, file: nil, source: "library", title: title, license: .studio)
        for line in (text ?? "").split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            guard let separator = trimmed.firstIndex(where: { $0 == ":" || $0 == "=" }) else { continue }
            let key = trimmed[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces).prefix(maxValue))
            guard !value.isEmpty else { continue }
            switch key {
            case "title": credit.title = value
            case "author": credit.author = value
            case "author_url": credit.authorURL = value
            case "link": credit.link = value
            case "license", "licence": credit.license = MediaLicense(rawValue: value.lowercased()) ?? .studio
            default: continue
            }
        }
        return credit
    }
}
