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

    /// A font named in a timeline: a family name from the system's fonts, or a file path,
    /// which resolves (and is confined) like the timeline's media files.
    func resolve(_ name: String, from resolver: AssetResolver, field: String) throws(MediaError) -> String {
        try resolve(name.contains("/") ? resolver.path(name, field: field) : name)
    }

    func resolve(_ name: String) throws(MediaError) -> String {
        if name.contains("/") {
            guard FileManager.default.isReadableFile(atPath: name) else {
                throw MediaError(.fontNotFound, file: name, "font file not found or not readable")
            }
            try Self.requireFontFile(name)
            return name
        }
        if let path = index[Self.normalise(name)] {
            try Self.requireFontFile(path)
            return path
        }
        throw MediaError(.fontNotFound, "font \"\(name)\" is not installed (try \"DejaVu Sans\", \"DejaVu Sans Bold\", \"DejaVu Serif\" or a path to a .ttf file)")
    }

    /// The first four bytes of a TrueType, OpenType or collection file: only a real font goes to
    /// FreeType, not a text file (or anything else) that happens to be named `.ttf`.
    static let fontSignatures: [[UInt8]] = [[0x00, 0x01, 0x00, 0x00], Array("true".utf8), Array("OTTO".utf8), Array("ttcf".utf8)]

    static func requireFontFile(_ path: String) throws(MediaError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MediaError(.fontNotFound, file: path, "font file not found or not readable")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 4)).map { [UInt8]($0) } ?? []
        guard fontSignatures.contains(header) else {
            throw MediaError(.fontNotFound, file: path, "is not a font file (no TrueType, OpenType or collection header)")
        }
    }

    static func normalise(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
