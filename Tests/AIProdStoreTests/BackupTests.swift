import AIProdCore
@testable import AIProdStore
import AIProdTestSupport
import Foundation
import GRDB
import Logging
import Testing

@Suite("Backups: an online copy, its manifest, restore, retention, the upgrade path")
struct BackupTests {
    @Test("a backup taken while the store writes holds a whole database, the files it names and their hashes")
    func backupContents() async throws {
        let fixture = try BackupFixture()
        // A writer keeps enqueueing on another thread while the backup runs.
        let store = fixture.store
        let writer = Task.detached {
            for index in 0..<200 { _ = try store.enqueue(JobSpec(script: "Job \(index)."), options: EnqueueOptions()) }
        }
        let folder = try fixture.maker().make(reason: .manual, now: Date(timeIntervalSince1970: 1_800_000_000))
        try await writer.value
        #expect(folder == fixture.backups + "/aiprod-backup-20270115T080000Z")
        #expect(fixture.folder.contents(of: "backups") == ["aiprod-backup-20270115T080000Z"], "no temporary folder left")

        let manifest = try fixture.manifest(folder)
        #expect(manifest.format == 1)
        #expect(manifest.aiprodVersion == "9.9.9-test")
        #expect(manifest.reason == "manual")
        #expect(manifest.createdAt == "2027-01-15T08:00:00Z")
        #expect(manifest.schema.migrations == SchemaVersion.known)
        #expect(manifest.schema.version == SchemaVersion.known.count)
        #expect(manifest.database.sha256 == (try BackupFixture.hash(folder + "/aiprod.sqlite3")))
        let job = fixture.jobID.rawValue
        let asset = "assets/\(fixture.assetID.prefix(2))/\(fixture.assetID)"
        #expect(Set(manifest.files.map(\.path)) == [asset, "jobs/\(job)/video.mp4", "jobs/\(job)/thumbnail.jpg", "jobs/\(job)/subtitles.srt"])
        #expect(manifest.missing == ["jobs/\(job)/subtitles.vtt"])
        for entry in manifest.files {
            #expect(entry.sha256 == (try BackupFixture.hash(fixture.data + "/" + entry.path)), "\(entry.path)")
            #expect(entry.bytes == (try FileManager.default.attributesOfItem(atPath: folder + "/files/" + entry.path)[.size] as? NSNumber)?.int64Value)
        }
        #expect(manifest.files.first { $0.kind == "asset" }?.sha256 == fixture.assetID)

        // The copy is one self-contained file (no WAL), intact, with a consistent job count.
        let copy = try DatabaseQueue(path: folder + "/aiprod.sqlite3")
        let (mode, check, jobs) = try await copy.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM jobs") ?? 0)
        }
        #expect(mode == "delete")
        #expect(check == "ok")
        #expect((1...201).contains(jobs))
    }

    @Test("no database: a not_found error, and no folder is left behind")
    func noDatabase() throws {
        let scratch = ScratchDirectory()
        let maker = BackupMaker(databasePath: scratch.file("none.sqlite3"), dataDirectory: scratch.path, backupDirectory: scratch.file("b"), aiprodVersion: "1")
        #expect { try maker.make(reason: .manual) } throws: { ($0 as? StoreError)?.code == .notFound }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("none.sqlite3")))
        #expect(scratch.contents(of: "b").isEmpty)
    }

    @Test("restore: the backup's data comes back, missing files are put back, the old database is kept")
    func roundTrip() throws {
        let fixture = try BackupFixture()
        let folder = try fixture.maker().make(reason: .manual)
        let video = fixture.data + "/jobs/\(fixture.jobID.rawValue)/video.mp4"
        let videoHash = try BackupFixture.hash(video)

        // After the backup: more jobs, a lost output file.
        for index in 0..<5 { _ = try fixture.store.enqueue(JobSpec(script: "Later \(index)."), options: EnqueueOptions()) }
        try FileManager.default.removeItem(atPath: video)
        try fixture.store.close()

        let lock = try DataDirectoryLock(dataDirectory: fixture.data)
        let outcome = try fixture.restorer.restore(from: folder, holding: lock, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(outcome.previousDatabase == fixture.databasePath + ".before-restore-20270115T080000Z")
        #expect(outcome.filesPutBack == 1)
        #expect(try BackupFixture.hash(video) == videoHash)
        #expect(!FileManager.default.fileExists(atPath: fixture.databasePath + ".restoring"))

        let restored = try SQLiteStore(path: fixture.databasePath, logger: Logger(label: "test"))
        #expect(try restored.integrityCheck() == "ok")
        #expect(try restored.counts().values.reduce(0, +) == 1)
        #expect(try restored.job(fixture.jobID).state == .succeeded)
        #expect(try restored.asset(fixture.assetID).name == "picture.png")
        // The replaced database, with its WAL beside it, still opens with the later jobs.
        let previous = try SQLiteStore(path: try #require(outcome.previousDatabase), logger: Logger(label: "test"))
        #expect(try previous.counts().values.reduce(0, +) == 6)
    }

    /// Each way a backup can be damaged, applied to a fresh backup; the restore must refuse with
    /// `invalid_backup` and leave the live database byte for byte as it was.
    @Test("a damaged backup is refused and nothing is swapped", arguments: Damage.allCases)
    func damaged(_ damage: Damage) throws {
        let fixture = try BackupFixture("damaged-\(damage)")
        let folder = try fixture.maker().make(reason: .manual)
        try damage.apply(to: folder, fixture: fixture)
        try fixture.store.close()
        let lock = try DataDirectoryLock(dataDirectory: fixture.data)
        let before = try BackupFixture.hash(fixture.databasePath)
        let listing = fixture.folder.contents(of: "data")

        #expect { try fixture.restorer.restore(from: folder, holding: lock) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .invalidBackup && error.message.contains("Nothing was restored")
        }
        #expect(try BackupFixture.hash(fixture.databasePath) == before)
        #expect(fixture.folder.contents(of: "data") == listing, "nothing added or set aside")
    }

    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case flippedDatabaseByte, corruptDatabaseWithMatchingHash, notADatabase, missingFile, changedFile, noManifest, garbledManifest,
             futureFormat, newerSchema, pathOutsideData
        var testDescription: String { rawValue }

        func apply(to folder: String, fixture: BackupFixture) throws {
            let database = folder + "/aiprod.sqlite3"
            var manifest = try fixture.manifest(folder)
            switch self {
            case .flippedDatabaseByte:
                try Self.flip(database, at: 5000)
            case .corruptDatabaseWithMatchingHash:
                // Damage the b-tree pages, then write the damaged file's hash in the manifest: only the
                // integrity check can catch it.
                let size = try #require((try FileManager.default.attributesOfItem(atPath: database)[.size] as? NSNumber)?.intValue)
                for offset in stride(from: 4096 + 16, to: size, by: 4096) { try Self.flip(database, at: offset, count: 64) }
                manifest.database.sha256 = try BackupFixture.hash(database)
                try fixture.writeManifest(manifest, to: folder)
            case .notADatabase:
                try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: database))
                manifest.database.sha256 = try BackupFixture.hash(database)
                manifest.database.bytes = 8192
                try fixture.writeManifest(manifest, to: folder)
            case .missingFile:
                try FileManager.default.removeItem(atPath: folder + "/files/" + manifest.files[0].path)
            case .changedFile:
                let path = folder + "/files/" + manifest.files[0].path
                try FileManager.default.removeItem(atPath: path)   // a link to the live file: replace, don't edit
                let size = Int(manifest.files[0].bytes)
                try Data(repeating: 0x42, count: size).write(to: URL(fileURLWithPath: path))
            case .noManifest:
                try FileManager.default.removeItem(atPath: folder + "/manifest.json")
            case .garbledManifest:
                try Data("{\"format\": 1, \"files\": [".utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
            case .futureFormat:
                manifest.format = 2
                try fixture.writeManifest(manifest, to: folder)
            case .newerSchema:
                manifest.schema.migrations.append("v99-from-the-future")
                try fixture.writeManifest(manifest, to: folder)
            case .pathOutsideData:
                manifest.files[0].path = "assets/../../../etc/passwd"
                try fixture.writeManifest(manifest, to: folder)
            }
        }

        static func flip(_ path: String, at offset: Int, count: Int = 1) throws {
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(offset))
            let bytes = try handle.read(upToCount: count) ?? Data()
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: Data(bytes.map { $0 ^ 0xff }))
        }
    }

    @Test("retention keeps the newest N finished backups and touches nothing else")
    func retention() throws {
        let fixture = try BackupFixture()
        let maker = fixture.maker()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for day in 0..<5 { try maker.make(reason: .scheduled, now: start.addingTimeInterval(Double(day) * 86_400)) }
        fixture.folder.makeDirectory("backups/.tmp-aiprod-backup-in-progress")
        fixture.folder.makeDirectory("backups/aiprod-backup-without-manifest")
        fixture.folder.write("mine", to: "backups/notes.txt")
        #expect(BackupRetention.prune(fixture.backups, keep: 0).isEmpty, "0 keeps everything")
        #expect(BackupRetention.backups(in: fixture.backups).count == 5)

        let removed = BackupRetention.prune(fixture.backups, keep: 3)
        #expect(removed.map { ($0 as NSString).lastPathComponent } == ["aiprod-backup-20270115T080000Z", "aiprod-backup-20270116T080000Z"])
        #expect(fixture.folder.contents(of: "backups") == [
            ".tmp-aiprod-backup-in-progress", "aiprod-backup-20270117T080000Z", "aiprod-backup-20270118T080000Z",
            "aiprod-backup-20270119T080000Z", "aiprod-backup-without-manifest", "notes.txt",
        ])
        // Two backups in the same second get distinct folders, in order.
        try maker.make(reason: .manual, now: start.addingTimeInterval(5 * 86_400))
        try maker.make(reason: .manual, now: start.addingTimeInterval(5 * 86_400))
        #expect(BackupRetention.backups(in: fixture.backups).suffix(2).map { ($0 as NSString).lastPathComponent }
                == ["aiprod-backup-20270120T080000Z", "aiprod-backup-20270120T080000Z-2"])
        #expect(BackupRetention.prune(fixture.backups, keep: 1).count == 4)
    }

    @Test("the pre-migration backup happens only when an older schema has migrations pending")
    func preMigration() throws {
        let scratch = ScratchDirectory()
        let path = scratch.file("data/aiprod.sqlite3")
        let maker = BackupMaker(databasePath: path, dataDirectory: scratch.file("data"), backupDirectory: scratch.file("backups"), aiprodVersion: "1")
        // No database yet: a fresh install, nothing to keep.
        #expect(try PreMigrationBackup.takeIfNeeded(maker, keep: 5) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))

        // A database an older aiprod made: only the first migration ran.
        let first = try #require(SchemaVersion.known.first)
        try #require(SchemaVersion.known.count > 1)
        scratch.makeDirectory("data")
        let old = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: first)
        try old.close()
        #expect(try SchemaVersion.of(path: path)?.pending == Array(SchemaVersion.known.dropFirst()))

        let folder = try #require(try PreMigrationBackup.takeIfNeeded(maker, keep: 5))
        #expect(folder.hasSuffix("-pre-migration"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest = try decoder.decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
        #expect(manifest.reason == "pre-migration")
        #expect(manifest.schema.migrations == [first])

        // Migrated (as the daemon does next): up to date, so no more backups.
        let store = try SQLiteStore(path: path, logger: Logger(label: "test"))
        try store.close()
        #expect(try SchemaVersion.of(path: path)?.pending == [])
        #expect(try PreMigrationBackup.takeIfNeeded(maker, keep: 5) == nil)
        #expect(BackupRetention.backups(in: scratch.file("backups")).count == 1)
    }

    @Test("the data folder's lock: one holder at a time, released when freed")
    func lock() throws {
        let scratch = ScratchDirectory()
        var first: DataDirectoryLock? = try DataDirectoryLock(dataDirectory: scratch.file("data"))
        #expect(first?.path == scratch.file("data/aiprod.lock"))
        #expect { try DataDirectoryLock(dataDirectory: scratch.file("data")) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .conflict && error.message.contains("pid \(getpid())") && error.message.contains("Stop the daemon")
        }
        first = nil
        let second = try DataDirectoryLock(dataDirectory: scratch.file("data"))
        withExtendedLifetime(second) {}
        #expect(first == nil)
    }
}
