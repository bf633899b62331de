import AIProdCore
import Foundation
import GRDB

/// Takes a backup while the daemon serves: `VACUUM INTO` copies the database from one read
/// snapshot (WAL readers never block the writer, and the copy is as consistent as a commit),
/// then the assets and outputs that snapshot names are linked (or copied) beside it and hashed,
/// and `manifest.json` lists them all. Everything is written in a hidden temporary folder that a
/// rename turns into `aiprod-backup-<UTC time>`: a backup folder is whole or absent.
///
/// Blocking: run it on a thread of its own.
public struct BackupMaker: Sendable {
    public static let folderPrefix = "aiprod-backup-"

    public var databasePath: String
    public var dataDirectory: String
    public var backupDirectory: String
    public var aiprodVersion: String

    public init(databasePath: String, dataDirectory: String, backupDirectory: String, aiprodVersion: String) {
        self.databasePath = databasePath
        self.dataDirectory = dataDirectory
        self.backupDirectory = backupDirectory
        self.aiprodVersion = aiprodVersion
    }

    /// Takes one backup and returns its folder.
    @discardableResult
    public func make(reason: BackupReason, now: Date = Date()) throws(StoreError) -> String {
        guard BackupFileSystem.exists(databasePath) else {
            throw StoreError(.notFound, "There is no database at \(databasePath) to back up.")
        }
        try BackupFileSystem.createFolder(backupDirectory)
        let name = Self.folderPrefix + BackupStamp.text(now) + (reason == .preMigration ? "-pre-migration" : "")
        let staging = backupDirectory + "/.tmp-" + name + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try BackupFileSystem.createFolder(staging)
        do throws(StoreError) {
            let manifest = try fill(staging, reason: reason, now: now)
            let data: Data
            do {
                data = try BackupManifest.encoder.encode(manifest)
            } catch {
                throw StoreError(.database, "The manifest could not be written: \(error).")
            }
            try BackupFileSystem.write(data, to: staging + "/" + BackupManifest.fileName)
            try BackupFileSystem.sync(staging)
            var folder = backupDirectory + "/" + name
            var suffix = 2
            while BackupFileSystem.exists(folder) {
                folder = backupDirectory + "/" + name + "-\(suffix)"
                suffix += 1
            }
            try BackupFileSystem.move(staging, to: folder)
            try BackupFileSystem.sync(backupDirectory)
            return folder
        } catch {
            BackupFileSystem.remove(staging)
            throw error
        }
    }

    /// The database copy and the files it names, in `staging`; returns the manifest.
    private func fill(_ staging: String, reason: BackupReason, now: Date) throws(StoreError) -> BackupManifest {
        let copy = staging + "/" + BackupManifest.databaseFile
        let contents = try snapshot(to: copy)
        var files: [BackupManifest.Entry] = []
        var missing = contents.unreadable
        for (path, kind) in contents.files {
            let source = dataDirectory + "/" + path
            guard BackupFileSystem.size(source) != nil else {
                missing.append(path)
                continue
            }
            let target = staging + "/" + BackupManifest.filesFolder + "/" + path
            try BackupFileSystem.linkOrCopy(source, to: target)
            files.append(try Self.entry(path: path, kind: kind, file: target))
        }
        return BackupManifest(
            format: BackupManifest.currentFormat, createdAt: BackupStamp.iso8601(now), aiprodVersion: aiprodVersion,
            reason: reason.rawValue, schema: .init(version: contents.schema.number, migrations: contents.schema.applied),
            database: try Self.entry(path: BackupManifest.databaseFile, kind: "database", file: copy),
            files: files, missing: missing)
    }

    /// What the copied database holds that the backup needs.
    private struct Contents {
        var schema: SchemaVersion
        /// Relative to the data folder, with their kind.
        var files: [(String, String)]
        /// Jobs whose stored result could not be read.
        var unreadable: [String]
    }

    /// `VACUUM INTO` `copy`, then, on the copy: rollback-journal mode (one self-contained file),
    /// the integrity check, the schema, and the files it names.
    private func snapshot(to copy: String) throws(StoreError) -> Contents {
        do {
            let source = try DatabaseQueue(path: databasePath, configuration: BackupConnection.configuration)
            defer { try? source.close() }
            try source.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        } catch {
            throw StoreError(wrapping: error)
        }
        do {
            let queue = try DatabaseQueue(path: copy, configuration: BackupConnection.configuration)
            defer { try? queue.close() }
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
                guard check == "ok" else { throw StoreError(.database, "The database copy fails its integrity check: \(check)") }
                var contents = Contents(schema: try SchemaVersion.read(db), files: [], unreadable: [])
                if try db.tableExists("assets") {
                    for id in try String.fetchAll(db, sql: "SELECT id FROM assets ORDER BY id") where AssetFolder.isValidID(id) {
                        contents.files.append(("assets/\(id.prefix(2))/\(id)", "asset"))
                    }
                }
                if try db.tableExists("results") {
                    for row in try Row.fetchAll(db, sql: "SELECT job_id, result FROM results ORDER BY job_id") {
                        let job: String = row["job_id"], text: String = row["result"]
                        guard RelativePath.isSafe(job), !job.contains("/"), let result = try? StoredJSON.decode(JobResult.self, from: text) else {
                            contents.unreadable.append("jobs/\(job)")
                            continue
                        }
                        for name in [result.video, result.thumbnail, result.subtitlesSrt, result.subtitlesVtt].compactMap({ $0 })
                        where RelativePath.isSafe(name) {
                            contents.files.append(("jobs/\(job)/\(name)", "output"))
                        }
                    }
                }
                return contents
            }
        } catch {
            throw StoreError(wrapping: error)
        }
    }

    static func entry(path: String, kind: String, file: String) throws(StoreError) -> BackupManifest.Entry {
        guard let bytes = BackupFileSystem.size(file) else { throw StoreError(.notFound, "\(file) vanished while it was backed up.") }
        return BackupManifest.Entry(path: path, kind: kind, bytes: bytes, sha256: try ContentHasher.sha256Hex(ofFile: file))
    }
}
