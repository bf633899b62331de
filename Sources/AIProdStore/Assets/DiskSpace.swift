/// Free and total bytes of the file system holding the data folder (``DiskUsage/space(at:)``):
/// for the status page, `/metrics` (`aiprod_disk_*_bytes`) and the 507 floor.
public struct DiskSpace: Sendable, Hashable {
    /// Bytes an unprivileged process may still write (`f_bavail`).
    public var freeBytes: Int64
    /// The file system's size (`f_blocks`).
    public var totalBytes: Int64

    public init(freeBytes: Int64, totalBytes: Int64) {
        self.freeBytes = freeBytes
        self.totalBytes = totalBytes
    }
}
