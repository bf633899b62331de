import Foundation
import Hummingbird

/// Collects a JSON body within `[server] max_body_bytes`: a larger one answers 413 before it is
/// all read, and an empty one is a 400 that says so (not a JSON parser's complaint).
struct BodyReader: Sendable {
    let maxBytes: Int

    func read(_ request: Request) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBytes {
            throw tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
        guard buffer.readableBytes > 0 else {
            throw APIError.badRequest("invalid_json", "the request needs a JSON body")
        }
        return Data(buffer: buffer)
    }

    private var tooLarge: APIError {
        APIError(.contentTooLarge, code: "content_too_large", "the body is over \(maxBytes) bytes ([server] max_body_bytes)")
    }
}
