
import Foundation
import Hummingbird

/// JSON answers in the API's one form (``APIJSON``: snake_case keys, ISO 8601 dates, sorted
/// keys), with the charset spelled out.
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data: Data
        do {
            data = try APIJSON.encoder.encode(value)
        } catch {
            data = Data(#"{"error":{"code":"internal","message":"could not encode the answer"}}"#.utf8)
            return Response(status: .internalServerError, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
