import Foundation

/// Runs blocking provider code (it waits on libcurl and sleeps between retries) on a thread of
/// its own and awaits it, so the test's cooperative thread stays free for the loopback server.
func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
