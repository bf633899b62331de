import Foundation
import GRDB

/// `aiprod restore`: checks a backup completely, then swaps its database in. Nothing in the data
/// folder changes until the manifest, every hash, `PRAGMA integrity_check` and the schema have
/// all passed on a copy beside the live file; the swap is then two renames, and the database it
/// replaces stays beside it as `<file>.before-restore-<UTC time>` (with its WAL). Assets and
/// outputs the backup holds that are missing from the data folder are put back.
///
/// Blocking: run it on a thread of its own.
public struct BackupRestorer: Sendable {
    /// A manifest is JSON lines per file: far below this even for a large studio.
    static let maxManifestBytes = 256 << 20

    public var databasePath: String
    public var dataDirectory: String

    public init(databasePath: String, dataDirectory: String) {
        self.databasePath = databasePath
        self.dataDirectory = dataDirectory
    }

    public struct Outcome: Sendable {
        public var manifest: BackupManifest
        /// Where the replaced database was set aside (nil when there was none).
        public var previousDatabase: String?
        /// Assets and outputs copied back into the data folder.
        public var filesPutBack: Int
    }

    /// Reads the manifest and checks the backup against it: the format, every path, and the size
    /// and SHA-256 of the database and of every file. Changes nothing.
    public func verify(_ folder: String) throws(StoreError) -> BackupManifest {
        let manifestPath = folder + "/" + BackupManifest.fileName
        guard let size = BackupFileSystem.size(manifestPath) else {
            throw Self.invalid("\(folder) is not a backup: it has no \(BackupManifest.fileName).")
        }
        guard size <= Int64(Self.maxManifestBytes), let data = FileManager.default.contents(atPath: manifestPath) else {
            throw Self.invalid("\(manifestPath) cannot be read, or is far too large for a manifest.")
        }
        let manifest: BackupManifest
        do {
            manifest = try BackupManifest.decoder.decode(BackupManifest.self, from: data)
        } catch {
            throw Self.invalid("\(manifestPath) is not a backup manifest: \(error).")
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw Self.invalid("The backup's format is \(manifest.format); this aiprod reads format \(BackupManifest.currentFormat).")
        }
        guard manifest.database.path == BackupManifest.databaseFile else {
            throw Self.invalid("The manifest names the database \(manifest.database.path), not \(BackupManifest.databaseFile).")
        }
        let unknown = SchemaVersion(applied: manifest.schema.migrations).unknown
        guard unknown.isEmpty else {
            throw Self.invalid("The backup comes from a newer aiprod (migrations \(unknown.joined(separator: ", "))): restore it with that version.")
        }
        try Self.check(manifest.database, file: folder + "/" + BackupManifest.databaseFile)
        for entry in manifest.files {
            guard RelativePath.isSafe(entry.path), entry.path.hasPrefix("assets/") || entry.path.hasPrefix("jobs/") else {
                throw Self.invalid("The manifest names a file outside the data folder's assets and jobs: \(entry.path).")
            }
            try Self.check(entry, file: folder + "/" + BackupManifest.filesFolder + "/" + entry.path)
        }
        return manifest
    }

    /// Verifies `folder`, checks its database on a copy, then swaps it in. The caller proves it
    /// holds the data folder's lock (no daemon runs) by passing it.
    public func restore(from folder: String, holding lock: DataDirectoryLock, now: Date = Date()) throws(StoreError) -> Outcome {
        let manifest = try verify(folder)
        let staging = databasePath + ".restoring"
        Self.removeDatabase(staging)
        try BackupFileSystem.createFolder((databasePath as NSString).deletingLastPathComponent)
        do throws(StoreError) {
            try BackupFileSystem.copy(folder + "/" + BackupManifest.databaseFile, to: staging)
            try Self.check(manifest.database, file: staging)
            try Self.checkDatabase(staging, manifest: manifest)
        } catch {
            Self.removeDatabase(staging)
            throw error
        }
        let previous = try swapIn(staging, stamp: BackupStamp.text(now))
        var putBack = 0
        for entry in manifest.files {
            let target = dataDirectory + "/" + entry.path
            guard BackupFileSystem.size(target) != entry.bytes else { continue }
            let temporary = target + ".restoring"
            try BackupFileSystem.createFolder((target as NSString).deletingLastPathComponent)
            BackupFileSystem.remove(temporary)
            try BackupFileSystem.copy(folder + "/" + BackupManifest.filesFolder + "/" + entry.path, to: temporary)
            try BackupFileSystem.move(temporary, to: target)
            putBack += 1
        }
        withExtendedLifetime(lock) {}
        return Outcome(manifest: manifest, previousDatabase: previous, filesPutBack: putBack)
    }

    /// Sets the live database (and its WAL and shared-memory files) aside, then renames `staging`
    /// into its place; if that rename fails the old file is put back.
    private func swapIn(_ staging: String, stamp: String) throws(StoreError) -> String? {
        var previous: String?
        if BackupFileSystem.exists(databasePath) {
            let aside = databasePath + ".before-restore-" + stamp
            try BackupFileSystem.move(databasePath, to: aside)
            for suffix in ["-wal", "-shm"] where BackupFileSystem.exists(databasePath + suffix) {
                try? BackupFileSystem.move(databasePath + suffix, to: aside + suffix)
            }
            previous = aside
        }
        do throws(StoreError) {
            try BackupFileSystem.move(staging, to: databasePath)
            try BackupFileSystem.sync((databasePath as NSString).deletingLastPathComponent)
        } catch {
            if let previous {
                try? BackupFileSystem.move(previous, to: databasePath)
                for suffix in ["-wal", "-shm"] { try? BackupFileSystem.move(previous + suffix, to: databasePath + suffix) }
            }
            throw error
        }
        return previous
    }

    /// `PRAGMA integrity_check` and the schema, on the staged copy.
    private static func checkDatabase(_ path: String, manifest: BackupManifest) throws(StoreError) {
        let outcome: (check: String, schema: SchemaVersion)
        do {
            let queue = try DatabaseQueue(path: path, configuration: BackupConnection.configuration)
            defer { try? queue.close() }
            outcome = try queue.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n"), try SchemaVersion.read(db))
            }
        } catch {
            throw invalid("The backup's database cannot be read: \(StoreError(wrapping: error).message)")
        }
        guard outcome.check == "ok" else { throw invalid("The backup's database fails its integrity check: \(outcome.check)") }
        guard !outcome.schema.applied.isEmpty, outcome.schema.unknown.isEmpty else {
            throw invalid("The backup's database is not an aiprod database this version can use (migrations: \(outcome.schema.applied)).")
        }
        guard Set(outcome.schema.applied) == Set(manifest.schema.migrations) else {
            throw invalid("The backup's database has migrations \(outcome.schema.applied); its manifest says \(manifest.schema.migrations).")
        }
    }

    private static func check(_ entry: BackupManifest.Entry, file: String) throws(StoreError) {
        guard let bytes = BackupFileSystem.size(file) else { throw invalid("\(entry.path) is missing from the backup (\(file)).") }
        guard bytes == entry.bytes else { throw invalid("\(entry.path) is \(bytes) bytes in the backup; the manifest says \(entry.bytes).") }
        let hash = try ContentHasher.sha256Hex(ofFile: file)
        guard hash == entry.sha256 else { throw invalid("\(entry.path) does not match its SHA-256 in the manifest: the backup is damaged.") }
    }

    private static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { BackupFileSystem.remove(path + suffix) }
    }

    static func invalid(_ message: String) -> StoreError {
        StoreError(.invalidBackup, message + " Nothing was restored.")
    }
}
