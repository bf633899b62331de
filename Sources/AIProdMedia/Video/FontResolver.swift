import Foundation

/// Finds a font file for a family name (`"DejaVu Sans Bold"` → `DejaVuSans-Bold.ttf`) among the
/// system's fonts, or checks a given path, so a missing font is an error before the render
/// rather than a silent fallback inside drawtext.
struct FontResolver: Sendable {
    static let directories = ["/usr/share/fonts", "/usr/local/share/fonts"]
    static let shared = FontResolver()

    /// Normalised name (letters and digits, lower case) → path.
    let index: [String: String]

    init(directories: [String] = FontResolver.directories) {
        var index: [String: String] = [:]
        for directory in directories {
            guard let walker = FileManager.default.enumerator(atPath: directory) else { continue }
            while let relative = walker.nextObject() as? String {
                let lower = relative.lowercased()
                guard lower.hasSuffix(".ttf") || lower.hasSuffix(".otf") else { continue }
                let path = directory + "/" + relative
                let stem = Self.normalise(URL(fileURLWithPath: relative).deletingPathExtension().lastPathComponent)
                index[stem] = index[stem] ?? path
                if stem.hasSuffix("regular") { index[String(stem.dropLast(7))] = index[String(stem.dropLast(7))] ?? path }
            }
        }
        self.index = index
    }

    func resolve(_ name: String) throws(MediaError) -> String {
        if name.contains("/") {
            guard FileManager.default.isReadableFile(atPath: name) else {
                throw MediaError(.fontNotFound, file: name, "font file not found or not readable")
            }
            return name
        }
        if let path = index[Self.normalise(name)] { return path }
        throw MediaError(.fontNotFound, "font \"\(name)\" is not installed (try \"DejaVu Sans\", \"DejaVu Sans Bold\", \"DejaVu Serif\" or a path to a .ttf file)")
    }

    static func normalise(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
