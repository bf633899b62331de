import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on `<data_dir>/aiprod.lock`: `aiprod serve` holds it for its whole
/// life and `aiprod restore` takes it before it touches anything, so a restore can never swap
/// the database under a running daemon (nor two daemons share a data folder). The kernel drops
/// the lock when the process ends, however it ends: a `kill -9` leaves nothing stale.
///
/// The one owner of the descriptor: it is closed (and the lock released) once, when the value
/// is freed. Keep it alive for as long as the lock must hold (`withExtendedLifetime`).
public final class DataDirectoryLock: Sendable {
    public static let fileName = "aiprod.lock"
    public let path: String
    private let descriptor: Int32

    /// Takes the lock, or fails at once with a `conflict` naming the process that holds it.
    public init(dataDirectory: String) throws(StoreError) {
        try BackupFileSystem.createFolder(dataDirectory)
        let path = dataDirectory + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw StoreError.posix(errno, "Opening the lock file \(path)", path: path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(descriptor)
            guard code == EWOULDBLOCK else { throw StoreError.posix(code, "Locking \(path)", path: path) }
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw StoreError.conflict(
                "Another aiprod process\(holder.isEmpty ? "" : " (pid \(holder))") holds \(path): the daemon is running, or a restore is. "
                + "Stop the daemon first (systemctl stop aiprod).")
        }
        // Who holds it, for the message above; the lock itself is the flock, not this text.
        let pid = Data("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
