import Foundation
import GRDB

extension SQLiteStore {
    /// last_used_at is refreshed at most this often (a write per request would serialize reads
    /// behind the writer).
    static let lastUsedInterval: TimeInterval = 60

    public func createToken(name: String, role: TokenRole, now: Date) throws(StoreError) -> (secret: String, record: TokenRecord) {
        guard !name.isEmpty, name.count <= 100, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw StoreError.invalidValue("A token's name has 1…100 characters and no control characters.", field: "name")
        }
        // A prefix collision (40 random bits) is retried with a fresh secret.
        for _ in 0..<5 {
            let secret = TokenSecret()
            let record = TokenRecord(id: "tok_" + RandomID.base32(count: 16), name: name, role: role, prefix: secret.prefix, createdAt: now)
            let inserted = try write { db -> Bool in
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM tokens WHERE prefix = ?", arguments: [secret.prefix]) != nil { return false }
                try db.executeCached(
                    sql: "INSERT INTO tokens (id, name, role, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [record.id, name, role.rawValue, secret.prefix, Data(secret.hash), now.unixSeconds])
                return true
            }
            if inserted { return (secret.text, record) }
        }
        throw StoreError(.database, "Could not find an unused token prefix.")
    }

    public func authenticate(secret: String, now: Date) throws(StoreError) -> TokenRecord? {
        guard let parsed = TokenSecret(parsing: secret) else { return nil }
        let found = try read { db -> (TokenRecord, Data)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tokens WHERE prefix = ?", arguments: [parsed.prefix]) else { return nil }
            return (try Self.token(row), try row.decode(Data.self, forColumn: "hash"))
        }
        // The hash is computed and compared even without a row, so the time taken does not say
        // whether a prefix exists.
        let stored = found.map { Array($0.1) } ?? [UInt8](repeating: 0, count: 32)
        let matches = TokenSecret.constantTimeEqual(parsed.hash, stored)
        guard matches, var record = found?.0, record.revokedAt == nil else { return nil }
        if record.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUsedInterval }) ?? true {
            try write { db in
                try db.executeCached(
                    sql: "UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)",
                    arguments: [now.unixSeconds, record.id, now.unixSeconds - Self.lastUsedInterval])
            }
            record.lastUsedAt = now
        }
        return record
    }

    public func tokens() throws(StoreError) -> [TokenRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tokens ORDER BY created_at, id").map(Self.token)
        }
    }

    public func revokeToken(id: String, now: Date) throws(StoreError) -> TokenRecord {
        try write { db in
            try db.executeCached(sql: "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now.unixSeconds, id])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tokens WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("token", id)
            }
            return try Self.token(row)
        }
    }

    static func token(_ row: Row) throws -> TokenRecord {
        let roleText = try row.decode(String.self, forColumn: "role")
        guard let role = TokenRole(rawValue: roleText) else { throw StoreError(.database, "A stored token has an unknown role '\(roleText)'.") }
        return TokenRecord(
            id: try row.decode(String.self, forColumn: "id"),
            name: try row.decode(String.self, forColumn: "name"),
            role: role,
            prefix: try row.decode(String.self, forColumn: "prefix"),
            createdAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "created_at")),
            lastUsedAt: try row.decode(Double?.self, forColumn: "last_used_at").map(Date.init(unixSeconds:)),
            revokedAt: try row.decode(Double?.self, forColumn: "revoked_at").map(Date.init(unixSeconds:))
        )
    }
}
