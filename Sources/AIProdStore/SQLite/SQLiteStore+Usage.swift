import AIProdCore
import Foundation
import GRDB

extension SQLiteStore {
    public func jobIDs(createdSince since: Date) throws(StoreError) -> [JobID] {
        try read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM jobs WHERE created_at >= ?"), arguments: [since.unixSeconds])
                .compactMap(JobID.init(rawValue:))
        }
    }

    public func assetBytes(createdSince since: Date) throws(StoreError) -> Int64 {
        try read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(sum(bytes), 0) FROM assets WHERE created_at >= ?"),
                               arguments: [since.unixSeconds]) ?? 0
        }
    }
}
