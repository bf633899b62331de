import Crypto
import Foundation
import NIOCore

/// An upload on its way to disk: a temp file under `<data>/tmp`, the count of its bytes (413
/// past the limit, checked on every chunk, not trusted from `Content-Length`) and its SHA-256,
/// computed as it streams so the asset id costs no second read. Writes go to the thread pool in
/// batches of about 1 MiB. Removes its file unless ``finish()`` handed it over.
final class UploadFile {
    let path: String
    let maxBytes: Int64
    private(set) var bytes: Int64 = 0
    private var hasher = SHA256()
    private var pending = Data()
    private let handle: FileHandle
    private let blocking: Blocking
    private var handedOver = false

    static let batchBytes = 1 << 20

    init(directory: String, maxBytes: Int64, blocking: Blocking) async throws {
        let path = "\(directory)/upload-\(UUID().uuidString).partial"
        self.path = path
        self.maxBytes = maxBytes
        self.blocking = blocking
        handle = try await blocking.run {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw APIError(.internalServerError, code: "disk", "could not create a temporary file for the upload")
            }
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
    }

    func append(_ buffer: ByteBuffer) async throws {
        let (sum, overflow) = bytes.addingReportingOverflow(Int64(buffer.readableBytes))
        guard !overflow, sum <= maxBytes else {
            throw APIError(.contentTooLarge, code: "content_too_large", "the upload is over \(maxBytes) bytes ([server] max_upload_bytes)")
        }
        bytes = sum
        buffer.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        pending.append(contentsOf: buffer.readableBytesView)
        if pending.count >= Self.batchBytes { try await flush() }
    }

    private func flush() async throws {
        guard !pending.isEmpty else { return }
        let data = pending
        let handle = self.handle
        pending = Data()
        try await blocking.run { try handle.write(contentsOf: data) }
    }

    /// Flushes and closes the file; returns the SHA-256 hex. The caller owns the file from here.
    func finish() async throws -> String {
        try await flush()
        let handle = self.handle
        try await blocking.run { try handle.synchronize(); try handle.close() }
        handedOver = true
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    deinit {
        if !handedOver {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
