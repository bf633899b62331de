import Foundation
import GRDB

extension SQLiteStore {
    public func audit(_ entry: AuditEntry) throws(StoreError) {
        guard entry.at.unixSeconds.isFinite else { throw StoreError.invalidValue("An audit entry needs a valid time.", field: "at") }
        try write { db in try insertAudit(db, entry) }
    }

    public func auditEntries(_ query: AuditQuery) throws(StoreError) -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let type = query.type {
            conditions.append("type = ?")
            _ = arguments.append(contentsOf: [type.rawValue])
        }
        if let since = query.since {
            conditions.append("at >= ?")
            _ = arguments.append(contentsOf: [since.unixSeconds])
        }
        if let until = query.until {
            conditions.append("at < ?")
            _ = arguments.append(contentsOf: [until.unixSeconds])
        }
        if let tokenName = query.tokenName {
            conditions.append("token_name = ?")
            _ = arguments.append(contentsOf: [tokenName])
        }
        _ = arguments.append(contentsOf: [min(max(query.limit, 1), 1000)])
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit" + whereClause + " ORDER BY at DESC, id DESC LIMIT ?", arguments: arguments).map { row in
                let typeText = try row.decode(String.self, forColumn: "type")
                guard let type = AuditType(rawValue: typeText) else { throw StoreError(.database, "An audit row has an unknown type '\(typeText)'.") }
                return AuditEntry(
                    id: try row.decode(Int64.self, forColumn: "id"),
                    type: type,
                    at: Date(unixSeconds: try row.decode(Double.self, forColumn: "at")),
                    tokenName: try row.decode(String?.self, forColumn: "token_name"),
                    clientIP: try row.decode(String?.self, forColumn: "client_ip"),
                    resource: try row.decode(String?.self, forColumn: "resource"),
                    detail: try row.decode(String?.self, forColumn: "detail")
                )
            }
        }
    }
}
