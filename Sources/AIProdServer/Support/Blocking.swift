import NIOPosix

/// Runs blocking work (SQLite, file system, probing) on NIO's thread pool so that neither the
/// event loops nor the cooperative pool ever wait on a disk or a lock.
struct Blocking: Sendable {
    let pool: NIOThreadPool

    init(pool: NIOThreadPool = .singleton) {
        self.pool = pool
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(work)
    }
}
