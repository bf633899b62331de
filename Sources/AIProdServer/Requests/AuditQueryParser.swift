import AIProdStore
import Foundation
import Hummingbird

/// `GET /admin/audit?type=&since=&until=&token=&limit=`: times as ISO 8601 or Unix seconds.
enum AuditQueryParser {
    static func parse(_ query: Parameters) throws -> AuditQuery {
        var type: AuditType?
        if let raw = query.get("type") {
            guard let value = AuditType(rawValue: raw) else {
                let known = AuditType.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.badRequest("invalid_value", "type must be one of \(known)", field: "type")
            }
            type = value
        }
        let since = try date(query, "since")
        let until = try date(query, "until")
        let token = query.get("token")
        if let token, token.isEmpty || token.utf8.count > 64 {
            throw APIError.badRequest("invalid_value", "token is a token name (1 to 64 characters)", field: "token")
        }
        let limit = try PageQuery.limit(query, default: 100)
        return AuditQuery(type: type, since: since, until: until, tokenName: token, limit: limit)
    }

    static func date(_ query: Parameters, _ name: String) throws -> Date? {
        guard let raw = query.get(name) else { return nil }
        if let seconds = Double(raw), seconds.isFinite, abs(seconds) < 1e11 { return Date(timeIntervalSince1970: seconds) }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: raw) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: raw) { return date }
        throw APIError.badRequest("invalid_value", "\(name) must be ISO 8601 (2026-01-31T12:00:00Z) or Unix seconds", field: name)
    }
}
