import Foundation
import MultipartKit
import NIOCore

/// Streams a `multipart/form-data` upload: the `file` part goes chunk by chunk into an
/// ``UploadFile`` (never whole in memory); the small text parts `name` and `tags` are kept (at
/// most 4 KiB each). Other parts are refused, naming them.
final class MultipartUpload {
    private let parser: MultipartParser
    private let file: UploadFile
    private var headers: [String: String] = [:]
    private var part: Part?
    private var text = Data()
    private var pendingFile: [ByteBuffer] = []
    private var failure: APIError?
    private(set) var fields: [String: String] = [:]
    private(set) var fileName: String?
    private(set) var sawFile = false

    private enum Part { case file, field(String) }

    static let maxFieldBytes = 4096

    init(boundary: String, file: UploadFile) {
        self.parser = MultipartParser(boundary: boundary)
        self.file = file
        parser.onHeader = { [unowned self] name, value in headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in body(buffer) }
        parser.onPartComplete = { [unowned self] in complete() }
    }

    func consume(_ buffer: ByteBuffer) async throws {
        do {
            try parser.execute(buffer)
        } catch {
            throw APIError.badRequest("invalid_multipart", "the multipart body is malformed")
        }
        if let failure { throw failure }
        let chunks = pendingFile
        pendingFile.removeAll()
        for chunk in chunks { try await file.append(chunk) }
    }

    private func body(_ buffer: ByteBuffer) {
        guard failure == nil else { return }
        if part == nil { part = startPart() }
        switch part {
        case .file?:
            pendingFile.append(buffer)
        case .field?:
            guard text.count + buffer.readableBytes <= Self.maxFieldBytes else {
                failure = APIError.badRequest("field_too_large", "a text part is at most \(Self.maxFieldBytes) bytes", field: currentName)
                return
            }
            text.append(contentsOf: buffer.readableBytesView)
        case nil:
            break
        }
    }

    private var currentName: String? { Self.parameter("name", in: headers["content-disposition"] ?? "") }

    private func startPart() -> Part? {
        guard let name = currentName else {
            failure = APIError.badRequest("invalid_multipart", "a part has no Content-Disposition name")
            return nil
        }
        switch name {
        case "file":
            guard !sawFile else {
                failure = APIError.badRequest("invalid_multipart", "one file per upload", field: "file")
                return nil
            }
            sawFile = true
            fileName = Self.parameter("filename", in: headers["content-disposition"] ?? "")
            return .file
        case "name", "tags":
            return .field(name)
        default:
            failure = APIError.badRequest("unknown_field", "unknown part (expected file, name, tags)", field: name)
            return nil
        }
    }

    private func complete() {
        if part == nil, failure == nil { part = startPart() }  // an empty part has no body callback
        if case .field(let name)? = part {
            guard let value = String(data: text, encoding: .utf8) else {
                failure = APIError.badRequest("invalid_value", "not UTF-8", field: name)
                return
            }
            fields[name] = value
        }
        part = nil
        headers.removeAll()
        text.removeAll()
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
        let lower = contentType.lowercased()
        guard lower.hasPrefix("multipart/form-data") else { return nil }
        guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        return boundary
    }
}
