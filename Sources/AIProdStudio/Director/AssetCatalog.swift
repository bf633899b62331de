import AIProdCore
import AIProdMedia
import Foundation

/// The job's own images and video clips, read from a folder: every visible file must be media
/// (a stray document is an error, not a silent skip; sound files are skipped, they have no
/// picture to show), and each is tagged by the words of its name.
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
        for name in names {
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
            assets.append(VisualAsset(path: path, kind: still ? .image : .video, tags: tags(of: name),
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
        func score(_ asset: VisualAsset) -> Int {
            keywords.reduce(0) { total, keyword in
                total + (asset.tags.contains { Self.related($0, keyword.lowercased()) } ? 1 : 0)
            }
        }
        let scored = assets.map { ($0, score($0)) }.filter { $0.1 > 0 }
        return scored.sorted { a, b in
            let (aUsed, bUsed) = (used.contains(a.0.path), used.contains(b.0.path))
            if aUsed != bUsed { return !aUsed }
            if a.1 != b.1 { return a.1 > b.1 }
            return a.0.path < b.0.path
        }.first?.0
    }

    static func related(_ tag: String, _ keyword: String) -> Bool {
        if tag == keyword { return true }
        let prefix = min(tag.count, keyword.count)
        guard prefix >= 4 else { return false }
        return tag.hasPrefix(keyword) || keyword.hasPrefix(tag)
    }
}
