import AIProdCore
import Foundation
import HTTPTypes
import Hummingbird

/// The outermost middleware: gives the request an id (the caller's `X-Request-ID` when it is
/// sane, else a fresh one), keeps the trace id of a valid W3C `traceparent`, puts both on the
/// request's logger so every line about it carries them, echoes `X-Request-ID` on the answer
/// (errors included: the error middleware sits inside it) and writes one access line.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let header = HTTPField.Name("X-Request-ID")!
    static let traceparent = HTTPField.Name("traceparent")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[Self.header].flatMap(Self.sane) ?? UUID().uuidString.lowercased()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = "\(id)"
        if let value = request.headers[Self.traceparent], let trace = TraceParent(header: value) {
            context.traceID = trace.traceID
            context.logger[metadataKey: "trace_id"] = "\(trace.traceID)"
        }
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.header] = id
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "ms": "\(String(format: "%.1f", milliseconds))",
            "client_ip": "\(context.clientIP)",
        ])
        return response
    }

    /// A caller's id is kept when it is 1…128 characters of letters, digits and `-_.:@/+=`;
    /// anything else (control characters, quotes, a novel) is replaced, never logged.
    static func sane(_ value: String) -> String? {
        let allowed = Set("-_.:@/+=".utf8)
        guard (1...128).contains(value.utf8.count),
              value.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || allowed.contains($0) })
        else { return nil }
        return value
    }
}
