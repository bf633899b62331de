import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the disk quotas measure: the bytes a folder's own files take, and the free space of the
/// file system a path is on. Blocking file-system calls: run them off the event loop.
public enum DiskUsage {
    /// Bytes of the regular files under `folder`, recursively. Symbolic links are not followed,
    /// and a file with more than one hard link is left out: a job's inputs are hard links to the
    /// asset store, counted there, not the job's own writing. A missing folder is 0; files that
    /// vanish while it walks are skipped.
    public static func bytes(in folder: String) -> Int64 {
        guard let names = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var total: Int64 = 0
        while let name = names.nextObject() as? String {
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink <= 1 else { continue }
            let (sum, overflow) = total.addingReportingOverflow(Int64(info.st_size))
            total = overflow ? .max : sum
        }
        return total
    }

    /// Bytes an unprivileged process may still write on the file system holding `path`; nil
    /// when it cannot be asked.
    public static func freeBytes(at path: String) -> Int64? {
        space(at: path)?.freeBytes
    }

    /// Free and total bytes of the file system holding `path` (`statvfs`: blocks × fragment
    /// size, saturating at `Int64.max`); nil when it cannot be asked.
    public static func space(at path: String) -> DiskSpace? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        func bytes(_ blocks: UInt64) -> Int64 {
            let (value, overflow) = blocks.multipliedReportingOverflow(by: UInt64(info.f_frsize))
            return overflow || value > UInt64(Int64.max) ? .max : Int64(value)
        }
        return DiskSpace(freeBytes: bytes(UInt64(info.f_bavail)), totalBytes: bytes(UInt64(info.f_blocks)))
    }
}
