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

/// Puts a job's uploaded assets (`asset_ids`) into its folder, `assets/<id>`, before the stages
/// run: the director reads them from there as the CLI reads its `--assets` folder, and a job
/// keeps working if the asset is deleted from the store while it is queued again later.
/// A hard link costs nothing (same file system, the usual case); otherwise a copy.
struct AssetLinker {
    let folder: AssetFolder

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
            let destination = directory.assets + "/" + id
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
