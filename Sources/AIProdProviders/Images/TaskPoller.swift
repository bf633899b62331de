import AIProdCore
import AIProdMedia
import Dispatch

/// Waits for a remote task (a comfyui prompt, a Runway generation): polls every
/// `poll_seconds` until the poll answers, for at most `max_wait_seconds` in all. The sleeps
/// between polls look at the job's cancellation, so a cancelled job stops waiting at once.
/// Blocking: call it from the job's dedicated thread.
struct TaskPoller {
    var provider: String
    var pollSeconds: Double
    var maxWaitSeconds: Double
    var cancellation: RenderCancellation

    /// Shortest pause between polls, whatever the configuration says.
    static let minimumPollSeconds = 0.05

    init(config: ProviderConfig, cancellation: RenderCancellation) {
        provider = config.name
        pollSeconds = config.pollSeconds
        maxWaitSeconds = config.maxWaitSeconds
        self.cancellation = cancellation
    }

    /// Calls `poll` until it returns a value; nil means "not finished yet".
    func wait<Value>(_ poll: () throws(ProviderError) -> Value?) throws(ProviderError) -> Value {
        let start = DispatchTime.now()
        let interval = pollSeconds.isFinite ? max(pollSeconds, Self.minimumPollSeconds) : 2
        while true {
            if cancellation.isCancelled { throw .cancelled(provider) }
            if let value = try poll() { return value }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            guard elapsed + interval <= maxWaitSeconds else {
                throw ProviderError(.timedOut, provider: provider,
                                    "the task did not finish within max_wait_seconds (\(Int(maxWaitSeconds.rounded(.up))) s)")
            }
            guard BlockingAwait.sleep(interval, cancellation: cancellation) else { throw .cancelled(provider) }
        }
    }
}
