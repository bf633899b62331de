import AIProdCore
import AIProdStore
import AIProdTestSupport
import Foundation
import Logging

/// A data folder as the daemon lays it out (`aiprod.sqlite3`, `assets/`, `jobs/`) with a real
/// store, one uploaded asset and one finished job whose outputs are on disk (but for its WebVTT
/// file, which the database names and the disk lacks).
struct BackupFixture {
    let folder: ScratchDirectory
    let store: SQLiteStore
    let assetID: String
    let jobID: JobID
    var data: String { folder.file("data") }
    var databasePath: String { data + "/aiprod.sqlite3" }
    var backups: String { folder.file("backups") }

    init(_ name: String = #function) throws {
        folder = ScratchDirectory(name)
        store = try SQLiteStore(path: folder.file("data/aiprod.sqlite3"), logger: Logger(label: "test"))
        let picture = "picture bytes for \(name)"
        assetID = ContentHasher.sha256Hex(Data(picture.utf8))
        folder.write(picture, to: "data/assets/\(assetID.prefix(2))/\(assetID)")
        _ = try store.addAsset(AssetRecord(id: assetID, name: "picture.png", tags: [], kind: .image, bytes: Int64(picture.utf8.count), createdAt: Date()))
        let job = try store.enqueue(JobSpec(script: "Hello."), options: EnqueueOptions()).job
        jobID = job.id
        _ = try store.claim(worker: "w1", now: Date())
        for (file, text) in [("video.mp4", "video bytes"), ("thumbnail.jpg", "jpeg bytes"), ("subtitles.srt", "1\n00:00:00,000 --> 00:00:01,000\nHello.\n")] {
            folder.write(text, to: "data/jobs/\(job.id.rawValue)/\(file)")
        }
        try store.succeed(job.id, worker: "w1", result: Samples.result, costs: [], now: Date())
    }

    func maker(to directory: String? = nil) -> BackupMaker {
        BackupMaker(databasePath: databasePath, dataDirectory: data, backupDirectory: directory ?? backups, aiprodVersion: "9.9.9-test")
    }

    var restorer: BackupRestorer { BackupRestorer(databasePath: databasePath, dataDirectory: data) }

    func manifest(_ backup: String) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(BackupManifest.self, from: Data(contentsOf: URL(fileURLWithPath: backup + "/manifest.json")))
    }

    func writeManifest(_ manifest: BackupManifest, to backup: String) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: backup + "/manifest.json"))
    }

    static func hash(_ path: String) throws -> String { try ContentHasher.sha256Hex(ofFile: path) }
}
