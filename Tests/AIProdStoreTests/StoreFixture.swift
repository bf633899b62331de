import AIProdCore
import AIProdStore
import AIProdTestSupport
import Foundation
import Logging

/// A real store in a real SQLite file under a fresh temporary folder.
struct StoreFixture {
    let folder: ScratchDirectory
    let store: SQLiteStore
    var databasePath: String { folder.file("db/aiprod.sqlite") }

    init(_ name: String = #function, queue: QueueOptions = QueueOptions(leaseSeconds: 30, backoffBase: 2, backoffCap: 60)) throws {
        folder = ScratchDirectory(name)
        store = try SQLiteStore(path: folder.file("db/aiprod.sqlite"), synchronous: .normal, queue: queue, logger: Logger(label: "test"))
    }

    /// Another connection pool on the same file, as a second process would have.
    func reopen(queue: QueueOptions = QueueOptions(leaseSeconds: 30, backoffBase: 2, backoffCap: 60)) throws -> SQLiteStore {
        try SQLiteStore(path: databasePath, synchronous: .full, queue: queue, logger: Logger(label: "test"))
    }

    @discardableResult
    func enqueue(_ script: String = "Hello.", priority: Int = 0, maxAttempts: Int = 5, key: String? = nil, token: String? = nil) throws -> JobRecord {
        try store.enqueue(JobSpec(script: script, priority: priority), options: EnqueueOptions(idempotencyKey: key, tokenName: token, maxAttempts: maxAttempts)).job
    }
}

enum Samples {
    static let result = JobResult(
        video: "video.mp4", thumbnail: "thumbnail.jpg", subtitlesSrt: "subtitles.srt", subtitlesVtt: "subtitles.vtt", duration: 12.5,
        videoBytes: 123_456, videoSha256: String(repeating: "ab", count: 32), qaPassed: true, qaFailures: [], wallSeconds: 9)
    static let crash = JobFailure(code: "render_failed", message: "The encoder crashed.", category: .server, stage: .render)
    static let badInput = JobFailure(code: "invalid_script", message: "The script is empty.", field: "script", category: .caller, stage: .plan)
}
