import Foundation
import NIOCore

/// Streams a `multipart/form-data` upload: the `file` part goes chunk by chunk into an
/// ``UploadFile`` (never whole in memory); the small text parts `name` and `tags` are kept (at
/// most 4 KiB each). Any other part is refused, naming it.
final class MultipartUpload {
    private var reader: MultipartReader
    private let file: UploadFile
    private var part: Part?
    private var text = Data()
    private(set) var fields: [String: String] = [:]
    private(set) var fileName: String?
    private(set) var sawFile = false

    private enum Part { case file, field(String) }

    static let maxFieldBytes = 4096

    init(boundary: String, file: UploadFile) {
        self.reader = MultipartReader(boundary: boundary)
        self.file = file
    }

    func consume(_ buffer: ByteBuffer) async throws {
        let events: [MultipartReader.Event]
        do {
            events = try reader.feed(buffer.readableBytesView)
        } catch {
            throw Self.malformed(error)
        }
        for event in events {
            switch event {
            case .headers(let headers):
                part = try start(headers)
            case .body(let bytes):
                switch part {
                case .file?:
                    try await file.append(ByteBuffer(bytes: bytes))
                case .field(let name)?:
                    guard text.count + bytes.count <= Self.maxFieldBytes else {
                        throw APIError.badRequest("field_too_large", "a text part is at most \(Self.maxFieldBytes) bytes", field: name)
                    }
                    text.append(contentsOf: bytes)
                case nil:
                    throw APIError.badRequest("invalid_multipart", "the multipart body is malformed")
                }
            case .partEnd:
                try complete()
            }
        }
    }

    /// The body has ended: it must have been closed properly.
    func finish() throws {
        do {
            try reader.finish()
        } catch {
            throw Self.malformed(error)
        }
    }

    private func start(_ headers: [String: String]) throws -> Part {
        let disposition = headers["content-disposition"] ?? ""
        guard let name = Self.parameter("name", in: disposition) else {
            throw APIError.badRequest("invalid_multipart", "a part has no Content-Disposition name")
        }
        switch name {
        case "file":
            guard !sawFile else { throw APIError.badRequest("invalid_multipart", "one file per upload", field: "file") }
            sawFile = true
            fileName = Self.parameter("filename", in: disposition)
            return .file
        case "name", "tags":
            return .field(name)
        default:
            throw APIError.badRequest("unknown_field", "unknown part (expected file, name, tags)", field: String(name.prefix(64)))
        }
    }

    private func complete() throws {
        if case .field(let name)? = part {
            guard let value = String(data: text, encoding: .utf8) else {
                throw APIError.badRequest("invalid_value", "not UTF-8", field: name)
            }
            fields[name] = value
        }
        part = nil
        text.removeAll()
    }

    private static func malformed(_ error: MultipartReader.Failure) -> APIError {
        switch error {
        case .headersTooLarge: APIError.badRequest("invalid_multipart", "a part's headers are over \(MultipartReader.maxHeaderBytes) bytes")
        case .malformed: APIError.badRequest("invalid_multipart", "the multipart body is malformed")
        }
    }

    /// `name="x"` in a Content-Disposition value.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The boundary of a `multipart/form-data; boundary=…` content type.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        return boundary
    }
}
