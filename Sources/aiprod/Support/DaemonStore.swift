import AIProdCore
import AIProdStore
import ArgumentParser
import Foundation
import Logging

/// Opens the daemon's data folder and database as `serve`, `migrate` and `token` all need them:
/// the folders made if absent, the store opened in WAL mode and migrated.
enum DaemonStore {
    /// `<data>`, `<data>/jobs`, `<data>/assets`, `<data>/tmp`, and the database's folder.
    static func prepareFolders(_ config: ServiceConfig) throws {
        let data = config.storage.dataDirectory
        let database = URL(fileURLWithPath: config.database.path).deletingLastPathComponent().path
        for folder in [data, data + "/jobs", data + "/assets", data + "/tmp", database] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                FileHandle.standardError.write(Data("error: disk: cannot create \(folder): \(error.localizedDescription)\n".utf8))
                throw ExitCode(ExitCodes.failed)
            }
        }
    }

    static func open(_ config: ServiceConfig, logger: Logger) throws -> SQLiteStore {
        try prepareFolders(config)
        if let folder = try backUpBeforeMigrating(config) {
            logger.notice("database backed up before its migrations", metadata: ["folder": "\(folder)"])
        }
        do {
            return try SQLiteStore(path: config.database.path, synchronous: config.database.synchronous == .full ? .full : .normal,
                                   queue: QueueOptions(leaseSeconds: config.queue.leaseSeconds, backoffBase: config.queue.backoffBaseSeconds,
                                                       backoffCap: config.queue.backoffCapSeconds),
                                   logger: logger)
        } catch {
            throw ExitCodes.report(error)
        }
    }

    /// The upgrade path: an older schema is backed up (under `[backup] dir`) before the
    /// migrations run; returns the backup's folder, or nil when no migration was pending.
    static func backUpBeforeMigrating(_ config: ServiceConfig) throws -> String? {
        do {
            return try PreMigrationBackup.takeIfNeeded(BackupMaker(config), keep: config.backup.keep)
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
