import AIProdCore
import Foundation
import GRDB

extension SQLiteStore {
    public func addAsset(_ record: AssetRecord) throws(StoreError) -> AssetRecord {
        guard AssetFolder.isValidID(record.id) else { throw AssetFolder.invalidID(record.id) }
        guard !record.name.isEmpty, record.name.utf8.count <= 255 else {
            throw StoreError.invalidValue("An asset's name has 1…255 bytes.", field: "name")
        }
        guard record.bytes >= 0 else { throw StoreError.invalidValue("An asset's size cannot be negative.", field: "bytes") }
        let tagsJSON = try StoredJSON.encode(record.tags)
        return try write { db in
            try db.executeCached(
                sql: "INSERT INTO assets (id, name, tags, kind, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                arguments: [record.id, record.name, tagsJSON, record.kind.rawValue, record.bytes, record.createdAt.unixSeconds])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM assets WHERE id = ?", arguments: [record.id]) else {
                throw StoreError(.database, "The asset row vanished as it was written.")
            }
            return try Self.asset(row)
        }
    }

    public func asset(_ id: String) throws(StoreError) -> AssetRecord {
        guard AssetFolder.isValidID(id) else { throw AssetFolder.invalidID(id) }
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM assets WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("asset", id)
            }
            return try Self.asset(row)
        }
    }

    public func assets(limit: Int, cursor: String?) throws(StoreError) -> [AssetRecord] {
        let limit = min(max(limit, 1), 500)
        if let cursor {
            guard AssetFolder.isValidID(cursor) else { throw StoreError.invalidValue("The cursor is the last asset id of a page.", field: "cursor") }
        }
        return try read { db in
            if let cursor {
                guard let createdAt = try Double.fetchOne(db, sql: "SELECT created_at FROM assets WHERE id = ?", arguments: [cursor]) else {
                    throw StoreError.invalidValue("The cursor names no asset (deleted?).", field: "cursor")
                }
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM assets WHERE (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?",
                    arguments: [createdAt, cursor, limit]
                ).map(Self.asset)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM assets ORDER BY created_at DESC, id DESC LIMIT ?", arguments: [limit]).map(Self.asset)
        }
    }

    public func deleteAsset(_ id: String) throws(StoreError) {
        guard AssetFolder.isValidID(id) else { throw AssetFolder.invalidID(id) }
        try write { db in
            try db.executeCached(sql: "DELETE FROM assets WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw StoreError.notFound("asset", id) }
        }
    }

    static func asset(_ row: Row) throws -> AssetRecord {
        let kindText = try row.decode(String.self, forColumn: "kind")
        guard let kind = AssetKind(rawValue: kindText) else { throw StoreError(.database, "A stored asset has an unknown kind '\(kindText)'.") }
        return AssetRecord(
            id: try row.decode(String.self, forColumn: "id"),
            name: try row.decode(String.self, forColumn: "name"),
            tags: try StoredJSON.decode([String].self, from: row.decode(String.self, forColumn: "tags")),
            kind: kind,
            bytes: try row.decode(Int64.self, forColumn: "bytes"),
            createdAt: Date(unixSeconds: try row.decode(Double.self, forColumn: "created_at"))
        )
    }
}
