import Foundation
import GRDB

/// Which of the binary's migrations a database has run: a backup records it, a restore checks
/// it (a database from a newer aiprod is refused), and the daemon backs the file up before it
/// applies the pending ones.
public struct SchemaVersion: Sendable, Hashable {
    /// The migrations the database ran, in the binary's order (unknown ones last).
    public var applied: [String]

    /// Every migration this binary knows, in the order it applies them.
    public static var known: [String] { StoreMigrations.migrator.migrations }

    public init(applied: [String]) {
        let known = Self.known
        self.applied = known.filter { applied.contains($0) } + applied.filter { !known.contains($0) }.sorted()
    }

    /// The schema's number: how many migrations it ran.
    public var number: Int { applied.count }

    /// The binary's migrations the database has not run yet.
    public var pending: [String] { Self.known.filter { !applied.contains($0) } }

    /// Migrations the database ran that this binary does not know: it comes from a newer aiprod.
    public var unknown: [String] { applied.filter { !Self.known.contains($0) } }

    /// Reads it from an open database; a file with no migrations table has run none.
    static func read(_ db: Database) throws -> SchemaVersion {
        guard try db.tableExists("grdb_migrations") else { return SchemaVersion(applied: []) }
        return SchemaVersion(applied: try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }

    /// The schema of the database at `path`, or nil when there is no file yet. Only reads.
    public static func of(path: String) throws(StoreError) -> SchemaVersion? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let queue = try DatabaseQueue(path: path, configuration: BackupConnection.configuration)
            defer { try? queue.close() }
            return try queue.read { db in try SchemaVersion.read(db) }
        } catch {
            throw StoreError(wrapping: error)
        }
    }
}
