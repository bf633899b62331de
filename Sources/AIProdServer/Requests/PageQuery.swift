import AIProdCore
import Hummingbird

/// `?state=&limit=&cursor=` of the list endpoints, checked: a bad value is a 400 naming it.
struct PageQuery: Sendable {
    var state: JobState?
    var limit: Int
    var cursor: String?

    static let defaultLimit = 50
    static let maxLimit = 500

    init(_ query: Parameters, allowState: Bool) throws {
        if allowState, let raw = query.get("state") {
            guard let state = JobState(rawValue: String(raw)) else {
                let known = JobState.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.badRequest("invalid_value", "state must be one of \(known)", field: "state")
            }
            self.state = state
        }
        limit = try Self.limit(query)
        if let raw = query.get("cursor") {
            guard !raw.isEmpty, raw.utf8.count <= 256 else {
                throw APIError.badRequest("invalid_value", "cursor is not one this server gave", field: "cursor")
            }
            cursor = String(raw)
        }
    }

    static func limit(_ query: Parameters, default fallback: Int = defaultLimit) throws -> Int {
        guard let raw = query.get("limit") else { return fallback }
        guard let value = Int(raw), (1...maxLimit).contains(value) else {
            throw APIError.badRequest("invalid_value", "limit must be an integer from 1 to \(maxLimit)", field: "limit")
        }
        return value
    }
}
