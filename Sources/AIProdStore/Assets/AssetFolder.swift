import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of uploaded assets, content-addressed: `root/ab/<sha256 hex>` where `ab` is the
/// hash's first two digits (so no folder grows past a few thousand entries). An id is checked to
/// be 64 lowercase hex digits before it goes near a path: a request can never name a file.
public struct AssetFolder: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// Whether `id` is a SHA-256 in lowercase hex: the only ids the folder and the index take.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        return bytes.count == 64
            && bytes.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }
    }

    /// Where the asset's bytes are. For an id that is not valid, a name inside `root` that
    /// is never created (opening it fails as a missing file would), never a path the id chose;
    /// use ``checkedPath(for:)`` to get the error instead.
    public func path(for id: String) -> String {
        guard Self.isValidID(id) else { return root + "/.invalid-asset-id" }
        return root + "/" + id.prefix(2) + "/" + id
    }

    /// Like ``path(for:)``, but an invalid id is an `invalid_value` error.
    public func checkedPath(for id: String) throws(StoreError) -> String {
        guard Self.isValidID(id) else { throw Self.invalidID(id) }
        return path(for: id)
    }

    /// Moves a finished temporary file (on the same file system, e.g. `<data>/tmp`) to its place
    /// by `rename(2)`, atomic: a reader sees the whole file or none. When the asset is already
    /// there (the same upload twice) the temporary file is removed and the stored one kept.
    /// The caller computed `sha256` while writing the file.
    @discardableResult
    public func adopt(tempFile: String, sha256: String) throws(StoreError) -> String {
        guard Self.isValidID(sha256) else { throw Self.invalidID(sha256) }
        let destination = path(for: sha256)
        let folder = root + "/" + sha256.prefix(2)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw StoreError.posix(Int32(code ?? Int(EIO)), "Creating the asset folder", path: folder)
        }
        if FileManager.default.fileExists(atPath: destination) {
            unlink(tempFile)
            return destination
        }
        guard rename(tempFile, destination) == 0 else {
            let code = errno
            throw StoreError.posix(code, "Storing the asset", path: destination)
        }
        return destination
    }

    /// Deletes the asset's file if it is there; an invalid id does nothing.
    public func remove(_ id: String) {
        guard Self.isValidID(id) else { return }
        unlink(path(for: id))
    }

    /// Whether the asset's bytes are stored.
    public func contains(_ id: String) -> Bool {
        Self.isValidID(id) && FileManager.default.fileExists(atPath: path(for: id))
    }

    static func invalidID(_ id: String) -> StoreError {
        StoreError.invalidValue("An asset id is the SHA-256 of its content: 64 lowercase hex digits.", field: "asset_id")
    }
}
