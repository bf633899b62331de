import Foundation

/// Free and total bytes of the file system holding the data folder (`statvfs`), for the status
/// page. nil when the folder cannot be measured.
struct DiskSpace: Sendable, Hashable {
    var freeBytes: Int64
    var totalBytes: Int64

    /// Blocks: call it off the event loop.
    static func measure(_ path: String) -> DiskSpace? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        let blockSize = Int64(clamping: UInt64(stats.f_frsize))
        let (free, freeOverflow) = Int64(clamping: UInt64(stats.f_bavail)).multipliedReportingOverflow(by: blockSize)
        let (total, totalOverflow) = Int64(clamping: UInt64(stats.f_blocks)).multipliedReportingOverflow(by: blockSize)
        guard !freeOverflow, !totalOverflow else { return nil }
        return DiskSpace(freeBytes: free, totalBytes: total)
    }
}
