import Crypto
import Foundation

/// SHA-256 of content as it streams by (an upload being written to a temporary file), in the
/// lowercase hex the asset folder and the index use as ids.
public struct ContentHasher {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The hex digest of everything so far.
    public func hexDigest() -> String {
        Self.hex(hasher.finalize())
    }

    public static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Reads the file in 1 MiB pieces.
    public static func sha256Hex(ofFile path: String) throws(StoreError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.notFound, "No readable file at \(path).")
        }
        defer { try? handle.close() }
        var hasher = ContentHasher()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw StoreError(.database, "Reading \(path) failed: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            hasher.update(chunk)
        }
        return hasher.hexDigest()
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
