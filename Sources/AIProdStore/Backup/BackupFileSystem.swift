import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations a backup and a restore need, each failing with a ``StoreError`` that
/// names the path (a full disk is `disk`).
enum BackupFileSystem {
    static func createFolder(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw failure(error, "Creating the folder \(path)", path: path)
        }
    }

    /// A hard link when `from` and `to` share a file system (assets and outputs never change once
    /// written, so a link is a copy that costs nothing), else a byte copy.
    static func linkOrCopy(_ from: String, to: String) throws(StoreError) {
        try createFolder((to as NSString).deletingLastPathComponent)
        if link(from, to) == 0 { return }
        try copy(from, to: to)
    }

    /// A byte copy, flushed to disk.
    static func copy(_ from: String, to: String) throws(StoreError) {
        do {
            try FileManager.default.copyItem(atPath: from, toPath: to)
        } catch {
            throw failure(error, "Copying \(from) to \(to)", path: to)
        }
        try sync(to)
    }

    /// fsync(2) of a file or a folder (after a rename, the folder's entry).
    static func sync(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.posix(errno, "Opening \(path) to flush it", path: path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.posix(errno, "Flushing \(path)", path: path) }
    }

    /// rename(2): atomic on one file system.
    static func move(_ from: String, to: String) throws(StoreError) {
        guard rename(from, to) == 0 else { throw StoreError.posix(errno, "Renaming \(from) to \(to)", path: to) }
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// The size of a regular file, or nil when there is none.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func write(_ data: Data, to path: String) throws(StoreError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw failure(error, "Writing \(path)", path: path)
        }
        try sync(path)
    }

    private static func failure(_ error: any Error, _ operation: String, path: String) -> StoreError {
        let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
        return StoreError.posix(Int32(underlying ?? Int(EIO)), operation, path: path)
    }
}
