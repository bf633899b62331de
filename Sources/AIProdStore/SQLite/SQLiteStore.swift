import AIProdCore
import Foundation
import GRDB
import Logging

/// The store in one SQLite file in WAL mode, through a GRDB `DatabasePool`: readers run beside
/// the one writer, and every write is an IMMEDIATE transaction (it takes the write lock when it
/// begins, so two writers never deadlock upgrading a read lock; another process waits up to the
/// busy timeout). Events are published after the transaction commits, never before.
///
/// Every method blocks: call it from a thread of your own (see ``JobStore``).
public final class SQLiteStore: JobStore {
    public let events: JobEventHub
    public let queue: QueueOptions
    public let path: String
    let pool: DatabasePool
    let backoff: Backoff
    let logger: Logger

    /// Opens (creating if needed) the database at `path`, in WAL mode, and applies the pending
    /// migrations.
    public init(
        path: String, synchronous: SQLiteSynchronous = .normal, queue: QueueOptions = QueueOptions(),
        logger: Logger = Logger(label: "aiprod.store"), events: JobEventHub = JobEventHub()
    ) throws(StoreError) {
        guard queue.leaseSeconds.isFinite, queue.leaseSeconds > 0 else {
            throw StoreError.invalidValue("The lease must be a positive number of seconds.", field: "queue.lease_seconds")
        }
        guard queue.backoffBase.isFinite, queue.backoffBase >= 0, queue.backoffCap.isFinite, queue.backoffCap >= 0 else {
            throw StoreError.invalidValue("The backoff base and cap must be seconds, 0 or more.", field: "queue.backoff_base")
        }
        self.path = path
        self.queue = queue
        self.logger = logger
        self.events = events
        self.backoff = Backoff(base: queue.backoffBase, cap: queue.backoffCap)
        self.pool = try Self.openPool(path: path, synchronous: synchronous)
        try Self.applyMigrations(pool)
    }

    /// `aiprod migrate`: opens the file, applies the pending migrations, and returns the names of
    /// all the migrations the database has run.
    @discardableResult
    public static func migrate(path: String, synchronous: SQLiteSynchronous = .normal) throws(StoreError) -> [String] {
        let pool = try openPool(path: path, synchronous: synchronous)
        try applyMigrations(pool)
        do {
            let applied = try pool.read { db in try StoreMigrations.migrator.appliedIdentifiers(db) }
            try pool.close()
            return applied.sorted()
        } catch {
            throw StoreError(wrapping: error)
        }
    }

    /// Closes the file (a checkpoint folds the WAL back in). The store must not be used after.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw StoreError(wrapping: error) }
    }

    public func integrityCheck() throws(StoreError) -> String {
        try read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }

    // MARK: Plumbing

    private static func openPool(path: String, synchronous: SQLiteSynchronous) throws(StoreError) -> DatabasePool {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.database, "Cannot create the database folder \(folder): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.label = "aiprod.store"
        configuration.foreignKeysEnabled = true
        // Another process (`aiprod migrate`, `aiprod token create` beside the daemon) waits for
        // the write lock instead of failing at once.
        configuration.busyMode = .timeout(10)
        let pragma = synchronous.pragmaValue
        configuration.prepareDatabase { db in
            try db.executeCached(sql: "PRAGMA synchronous = \(pragma)")
        }
        do {
            // A pool always runs in WAL mode.
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(wrapping: error)
        }
    }

    private static func applyMigrations(_ pool: DatabasePool) throws(StoreError) {
        do {
            try StoreMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError(wrapping: error)
        }
    }

    /// One IMMEDIATE transaction; an error thrown inside rolls it all back.
    func write<T>(_ updates: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try updates(db)
                    return .commit
                }
                guard let value else { throw StoreError(.database, "The transaction returned nothing.") }
                return value
            }
        } catch {
            throw StoreError(wrapping: error)
        }
    }

    /// A read from a snapshot, beside the writer.
    func read<T>(_ value: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(value)
        } catch {
            throw StoreError(wrapping: error)
        }
    }

    func loadJob(_ db: Database, _ id: JobID) throws -> JobRecord? {
        try Row.fetchOne(db.cachedStatement(sql: JobRecord.selectByIDSQL), arguments: [id.rawValue]).map(JobRecord.init(row:))
    }

    func requireJob(_ db: Database, _ id: JobID) throws -> JobRecord {
        guard let job = try loadJob(db, id) else { throw StoreError.notFound("job", id.rawValue) }
        return job
    }

    func requireHead(_ db: Database, _ id: JobID) throws -> JobHead {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: JobHead.selectSQL), arguments: [id.rawValue]) else {
            throw StoreError.notFound("job", id.rawValue)
        }
        return try JobHead(id: id, row: row)
    }

    /// Refuses a move ``JobState/canMove(to:)`` does not allow (the one gate for every change).
    func checkMove(_ job: JobHead, to next: JobState) throws {
        guard job.state.canMove(to: next) else {
            throw StoreError.conflict("Job \(job.id) is \(job.state.rawValue) and cannot become \(next.rawValue).")
        }
    }

    /// The worker must hold the job's lease (and the job be running).
    func checkLease(_ job: JobHead, worker: String) throws {
        guard job.state == .running, job.leaseOwner == worker else {
            throw StoreError.conflict("Job \(job.id) is not running under worker \(worker) (its lease was lost).")
        }
    }

    func insertAudit(_ db: Database, _ entry: AuditEntry) throws {
        try db.executeCached(
            sql: "INSERT INTO audit (type, at, token_name, client_ip, resource, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [entry.type.rawValue, entry.at.unixSeconds, entry.tokenName, entry.clientIP, entry.resource, entry.detail]
        )
    }
}
