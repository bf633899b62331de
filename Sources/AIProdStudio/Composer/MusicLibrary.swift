import AIProdCore
import Foundation

/// The studio's own music (`[music] library`): a sub-folder per mood named by its raw value
/// (`calm/`, `epic/`…, any case), and/or audio files anywhere in the folder with a `NAME.tags`
/// sidecar naming moods (a file in a mood folder with tags has both). `.wav`, `.flac`, `.ogg`,
/// `.mp3`. Scanned once when the value is made (the score stage makes one per job, so new files
/// are seen by the next job); each mood's pieces sorted by their path in the folder, so the same
/// seed picks the same piece while the folder stays the same.
///
/// Lenient: hidden files, other files, unreadable folders, links to folders and anything past
/// `maxDepth` levels or `maxFiles` files are passed over. Whether a picked file really is music
/// is the caller's question (it decodes it; a broken one is skipped with a warning).
public struct MusicLibrary: Sendable, Hashable {
    public static let extensions: Set<String> = ["wav", "flac", "ogg", "mp3"]
    public static let maxDepth = 6
    public static let maxFiles = 10_000

    /// One piece: where it is, the moods it serves, its credit.
    public struct Entry: Sendable, Hashable {
        public var path: String
        /// The path inside the library folder.
        public var name: String
        public var moods: [Mood]
        public var credit: Credit
    }

    /// The folder scanned; nil: no library.
    public let root: String?
    /// Every piece, sorted by `name`.
    public let entries: [Entry]
    /// Whether the folder could be read (a configured library that is missing is worth a warning).
    public let isReadable: Bool

    public init(root: String?) {
        self.root = root
        var isDirectory: ObjCBool = false
        if let root, FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
            isReadable = true
            entries = Self.scan(root: root)
        } else {
            isReadable = root == nil
            entries = []
        }
    }

    /// The pieces for `mood`, in name order.
    public func entries(for mood: Mood) -> [Entry] {
        entries.filter { $0.moods.contains(mood) }
    }

    /// The pieces for `mood` in the order to try them: the one `seed` picks (SplitMix64 of the
    /// seed with the mood's name, modulo the count), then the following ones round the list.
    public func candidates(for mood: Mood, seed: UInt64) -> [Entry] {
        let pieces = entries(for: mood)
        guard !pieces.isEmpty else { return [] }
        var random = SplitMix64(seed: seed, salt: "music-" + mood.rawValue)
        let first = random.index(below: pieces.count)
        return Array(pieces[first...] + pieces[..<first])
    }

    static func scan(root: String) -> [Entry] {
        var found: [Entry] = []
        var seen = 0
        func walk(_ folder: String, relative: String, depth: Int, folderMood: Mood?) {
            guard depth <= maxDepth, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                guard seen < maxFiles else { return }
                seen += 1
                let path = (folder as NSString).appendingPathComponent(name)
                let inside = relative.isEmpty ? name : relative + "/" + name
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
                if attributes[.type] as? FileAttributeType == .typeDirectory {
                    let mood = depth == 0 ? Mood(rawValue: name.lowercased()) : folderMood
                    walk(path, relative: inside, depth: depth + 1, folderMood: mood)
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                guard extensions.contains(ext) else { continue }
                let base = (path as NSString).deletingPathExtension
                var moods = MusicSidecar.text(at: base + ".tags").map(MusicSidecar.moods) ?? []
                // Only files directly in a mood folder take its mood.
                if let folderMood, depth == 1, !moods.contains(folderMood) { moods.append(folderMood) }
                guard !moods.isEmpty else { continue }
                let credit = MusicSidecar.credit(MusicSidecar.text(at: base + ".credit"), title: (name as NSString).deletingPathExtension)
                found.append(Entry(path: path, name: inside, moods: moods, credit: credit))
            }
        }
        walk(root, relative: "", depth: 0, folderMood: nil)
        return found.sorted { $0.name < $1.name }
    }
}
