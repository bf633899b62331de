import AIProdCore
import AIProdStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a job's uploaded assets (`asset_ids`) into its folder before the stages run: the
/// director reads them from there as the CLI reads its `--assets` folder, and a job keeps
/// working if the asset is deleted from the store while it is queued again later.
/// A hard link costs nothing (same file system, the usual case); otherwise a copy.
///
/// A timeline job names its media by id, so its assets are linked as `assets/<id>`. A script
/// job's director matches pictures to scenes by the words of their file names, so there the
/// link is named from the upload's name and tags (``fileName(for:)``), ending in a short id so
/// two uploads of the same name stay apart.
struct AssetLinker {
    let folder: AssetFolder
    /// The uploads' names and tags (nil: link by id, as a timeline job needs).
    var records: [String: AssetRecord]? = nil

    /// Links every asset; one already there with the stored size (a resumed job) is kept.
    func link(_ ids: [String], into directory: JobDirectory) throws(PipelineError) {
        guard !ids.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory.assets, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.disk(directory.assets, "cannot create the assets folder: \(error.localizedDescription)", stage: nil)
        }
        for id in ids {
            let source: String
            do {
                source = try folder.checkedPath(for: id)
            } catch {
                throw PipelineError.invalidSpec("asset_ids", "\(id) is not an asset id")
            }
            guard let size = Self.size(of: source) else {
                throw PipelineError(code: "asset_not_found", message: "asset \(id) is not in the asset store", field: "asset_ids",
                                    category: .caller)
            }
            let destination = directory.assets + "/" + (records?[id].map(Self.fileName(for:)) ?? id)
            if Self.size(of: destination) == size { continue }
            unlink(destination)
            if hardLink(source, destination) { continue }
            do {
                try FileManager.default.copyItem(atPath: source, toPath: destination)
            } catch {
                unlink(destination)
                throw PipelineError.disk(destination, "cannot copy asset \(id): \(error.localizedDescription)", stage: nil)
            }
        }
    }

    /// `harbour-sea-sun-boats-3f5a09c1d2e4.jpg`: the name's letters and digits, then the tags
    /// the name lacks, then the id's first 12 hex digits, with the name's extension. Only ASCII
    /// letters, digits and `-` survive, so nothing from the upload can make a path.
    static func fileName(for record: AssetRecord) -> String {
        let name = record.name
        let dot = name.lastIndex(of: ".")
        let stem = dot.map { String(name[..<$0]) } ?? name
        let rawExtension = dot.map { String(name[name.index(after: $0)...]) } ?? ""
        func words(_ text: String) -> [String] {
            text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        }
        var parts = words(stem)
        for tag in record.tags.flatMap(words) where !parts.contains(tag) { parts.append(tag) }
        let ext = words(rawExtension).joined()
        let base = (parts.prefix(12) + [String(record.id.prefix(12))]).joined(separator: "-")
        return ext.isEmpty || ext.count > 5 ? base : base + "." + ext
    }

    private static func size(of path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}

/// `link(2)`; named apart from ``AssetLinker/link(_:into:)``, which hides the C function.
private func hardLink(_ source: String, _ destination: String) -> Bool {
    link(source, destination) == 0
}
