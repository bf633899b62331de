import AIProdCore
import AIProdStore
import Foundation
import Logging
import ServiceLifecycle

/// `[backup] daily = true`: the daemon backs itself up on `[backup] at` and prunes to `keep`. A
/// failed backup is logged and the next one still runs: it never stops the daemon. Runs until
/// the graceful shutdown; a backup already under way is finished first (its temporary folder
/// would otherwise be left behind).
struct ScheduledBackupService: Service {
    let maker: BackupMaker
    let keep: Int
    let schedule: BackupSchedule
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            let delay = max(0, schedule.nextRun(after: Date()).timeIntervalSinceNow)
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(delay)) }
            } catch {
                return
            }
            await backUp()
        }
    }

    private func backUp() async {
        let maker = maker, keep = keep
        let outcome = await Self.onThread { () -> Result<(String, [String]), StoreError> in
            do throws(StoreError) {
                let folder = try maker.make(reason: .scheduled)
                return .success((folder, BackupRetention.prune(maker.backupDirectory, keep: keep)))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let (folder, pruned)):
            logger.notice("backup taken", metadata: ["folder": "\(folder)", "pruned": "\(pruned.count)"])
        case .failure(let error):
            logger.error("scheduled backup failed", metadata: ["error": "\(error.message)", "code": "\(error.errorCode)"])
        }
    }

    /// Runs blocking work (SQLite, hashing gigabytes) on a thread of its own, never on the
    /// cooperative pool.
    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = "aiprod-backup"
            thread.start()
        }
    }
}
