import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files under `<data>/tmp`: on the same file system as the asset folder and the job
/// folders, so a finished file moves into place by `rename(2)`. Leftovers of a crash are swept
/// at start-up.
public struct Staging: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// Creates a new empty file (exclusively: never an existing one) and returns its path.
    public func newFile(suffix: String = ".partial") throws(StoreError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw StoreError.posix(EIO, "Creating the staging folder", path: root)
        }
        let safeSuffix = String(suffix.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "." || $0 == "-") }.map(Character.init))
        for _ in 0..<8 {
            let path = root + "/" + RandomID.base32(count: 20) + safeSuffix
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd >= 0 {
                close(fd)
                return path
            }
            let code = errno
            if code != EEXIST { throw StoreError.posix(code, "Creating a temporary file", path: path) }
        }
        throw StoreError(.database, "Could not create a unique temporary file.")
    }

    /// Removes files older than `age` seconds (a crash's leftovers); returns how many.
    @discardableResult
    public func sweep(olderThan age: TimeInterval, now: Date = Date()) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return 0 }
        var removed = 0
        for name in names {
            let path = root + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let modified = attributes[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > age
            else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }
}
