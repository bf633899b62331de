import AIProdProviders
import Synchronization

/// Collects the calls a session records, for a test to read back.
final class CallLog: Sendable {
    private let calls = Mutex<[ProviderCall]>([])

    var all: [ProviderCall] { calls.withLock { $0 } }

    func record(_ call: ProviderCall) {
        calls.withLock { $0.append(call) }
    }
}
