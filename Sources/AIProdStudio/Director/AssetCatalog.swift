import AIProdCore
import AIProdMedia
import Foundation

/// The job's own images and video clips, read from a folder: every visible file must be media
/// (a stray document is an error, not a silent skip; sound files are skipped, they have no
/// picture to show), and each is tagged by the words of its name and of its `NAME.tags`
/// sidecar, if it has one (``AssetTagsSidecar``; a sidecar is not an asset).
public struct AssetCatalog: Sendable {
    public let assets: [VisualAsset]

    public init(assets: [VisualAsset] = []) { self.assets = assets }

    /// Scans `directory` (not recursively; hidden files ignored).
    public static func scan(_ directory: String, limits: MediaLimits = MediaLimits()) throws(StudioError) -> AssetCatalog {
        // Absolute, so the timeline finds them wherever it is written.
        let directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StudioError(.invalidAsset, "assets folder \(directory) does not exist")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var assets: [VisualAsset] = []
        for name in names where !AssetTagsSidecar.isSidecar(name) {
            let path = "\(directory)/\(name)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let probe: ProbeResult
            do {
                probe = try MediaProbe(measureLoudness: false, limits: limits).probe(path)
            } catch {
                throw StudioError(.invalidAsset, "asset \(path) is not media: \(error.message)")
            }
            guard probe.stream("video") != nil else { continue }
            let still = StillPicture.isStill(probe)
            if still, !StillPicture.decodes(path, limits: limits) {
                throw StudioError(.invalidAsset, "asset \(path) is not media: no picture could be decoded from it")
            }
            var tags = tags(of: name)
            for tag in try AssetTagsSidecar.tags(for: name, in: directory) where !tags.contains(tag) { tags.append(tag) }
            assets.append(VisualAsset(path: path, kind: still ? .image : .video, tags: tags,
                                      duration: still ? nil : probe.durationSeconds))
        }
        return AssetCatalog(assets: assets)
    }

    static func tags(of name: String) -> [String] {
        let stem = (name as NSString).deletingPathExtension.lowercased()
        return stem.split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 }
    }

    /// The best asset for a scene's keywords: most keywords matching a tag (a shared prefix of
    /// 4+ letters counts, so "forests" finds "forest"), unused ones first, ties by name.
    public func match(_ keywords: [String], excluding used: Set<String>) -> VisualAsset? {
        match(keywords, description: nil, excluding: used)
    }

    /// The best asset for a scene: its keywords and the words of its visual description (what
    /// the planner says the picture shows) both count, a keyword ``keywordWeight`` times a
    /// description word, so the description breaks ties and finds assets no keyword names.
    /// Description words are its content words: stop words dropped, 3 letters or more.
    public func match(_ keywords: [String], description: String?, excluding used: Set<String>) -> VisualAsset? {
        let keywords = keywords.map { $0.lowercased() }
        let described = description.map(Self.descriptionWords) ?? []
        func score(_ asset: VisualAsset) -> Int {
            func matches(_ word: String) -> Bool { asset.tags.contains { Self.related($0, word) } }
            return keywords.reduce(0) { $0 + (matches($1) ? Self.keywordWeight : 0) }
                + described.reduce(0) { $0 + (matches($1) ? 1 : 0) }
        }
        let scored = assets.map { ($0, score($0)) }.filter { $0.1 > 0 }
        return scored.sorted { a, b in
            let (aUsed, bUsed) = (used.contains(a.0.path), used.contains(b.0.path))
            if aUsed != bUsed { return !aUsed }
            if a.1 != b.1 { return a.1 > b.1 }
            return a.0.path < b.0.path
        }.first?.0
    }

    /// How many description words one keyword is worth.
    public static let keywordWeight = 3
    /// Description words looked at, at most (a description is a sentence or two).
    static let maxDescriptionWords = 64

    /// The content words of a visual description, lower-cased, each once, in order.
    static func descriptionWords(_ text: String) -> [String] {
        var words: [String] = []
        for token in WordTokenizer.words(in: String(text.prefix(4096))) {
            let word = WordTokenizer.normalized(token)
            guard word.count >= 3, word.allSatisfy(\.isLetter), !StopWords.contains(word, language: .english),
                  !words.contains(word) else { continue }
            words.append(word)
            if words.count == maxDescriptionWords { break }
        }
        return words
    }

    static func related(_ tag: String, _ keyword: String) -> Bool {
        if tag == keyword { return true }
        let prefix = min(tag.count, keyword.count)
        guard prefix >= 4 else { return false }
        return tag.hasPrefix(keyword) || keyword.hasPrefix(tag)
    }
}
