import AIProdCore
import AIProdMedia
import Foundation

/// Reading and writing the job's artifacts. Every write goes through a temporary file renamed
/// into place (``AtomicOutput``), so a crash never leaves half a file a resume would trust.
extension JobDirectory {
    func writeJSON(_ value: some Encodable, to relative: String, stage: StageName?) throws(PipelineError) {
        let data: Data
        do {
            data = try JSONCoding.encoder.encode(value)
        } catch {
            throw PipelineError(code: "internal", message: "cannot encode \(relative): \(error)", field: relative, category: .server, stage: stage)
        }
        try write(data, to: relative, stage: stage)
    }

    func write(_ data: Data, to relative: String, stage: StageName?) throws(PipelineError) {
        try makeDirectory((relative as NSString).deletingLastPathComponent, stage: stage)
        do {
            try AtomicOutput.write(data, to: path(relative))
        } catch {
            throw .disk(relative, error.message, stage: stage)
        }
    }

    /// Decodes an artifact an earlier stage wrote (strictly, with the document limits).
    func readJSON<T: Decodable>(_ type: T.Type, from relative: String, stage: StageName?) throws(PipelineError) -> T {
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            throw .corrupt(relative, "missing or unreadable", stage: stage)
        }
        do {
            return try JSONCoding.decoder.decode(T.self, from: data)
        } catch {
            throw .corrupt(relative, "does not decode: \(error)", stage: stage)
        }
    }

    func makeDirectory(_ relative: String, stage: StageName?) throws(PipelineError) {
        let target = relative.isEmpty ? root : path(relative)
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw .disk(relative.isEmpty ? root : relative, "cannot create the folder: \(error.localizedDescription)", stage: stage)
        }
    }

    /// Removes a file or folder if it is there.
    func remove(_ relative: String) {
        try? FileManager.default.removeItem(atPath: path(relative))
    }

    /// Names in `relative` (a folder), none if it is absent.
    func names(in relative: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []
    }

    /// Brings `source` (anywhere; symlinks resolved, so a relative link does not dangle here)
    /// in at `relative`: a hard link when the file system allows, else a copy. Replaces what
    /// was there.
    func bringIn(_ source: String, as relative: String, stage: StageName?) throws(PipelineError) {
        let file = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
        try makeDirectory((relative as NSString).deletingLastPathComponent, stage: stage)
        let destination = path(relative)
        unlink(destination)
        do {
            do {
                try FileManager.default.linkItem(atPath: file, toPath: destination)
            } catch {
                try FileManager.default.copyItem(atPath: file, toPath: destination)
            }
        } catch {
            throw .disk(relative, "cannot bring in \(source): \(error.localizedDescription)", stage: stage)
        }
    }

    /// `absolute` relative to the folder, if it is inside it.
    func relative(_ absolute: String) -> String? {
        let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
        guard standard.hasPrefix(root + "/") else { return nil }
        return String(standard.dropFirst(root.count + 1))
    }

    /// The manifest entry for `relative` as it is on disk now.
    func artifact(_ relative: String, stage: StageName) throws(PipelineError) -> ArtifactFile {
        guard let bytes = size(of: path(relative)) else { throw .disk(relative, "the stage's output is missing", stage: stage) }
        return ArtifactFile(path: relative, bytes: bytes)
    }
}

extension JobDirectory {
    func fileData(_ relative: String) -> Data? { FileManager.default.contents(atPath: path(relative)) }
}
