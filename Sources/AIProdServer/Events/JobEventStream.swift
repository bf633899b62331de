import AIProdCore
import AIProdStore
import Foundation
import NIOCore

/// The body of `GET /pipeline/{id}/events`: the job's state first, then a `state` event on
/// every change and a `progress` event on every progress report, until the job is terminal
/// (then the stream ends, so `curl -N` returns). A keep-alive comment every few seconds.
///
/// The subscription is taken before the job is read, so nothing that happens in between is lost.
enum JobEventStream {
    static func make(
        id: JobID, subscription: AsyncStream<JobEvent>, current: JobRecord, keepAlive: Duration = .seconds(10)
    ) -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(512))
        continuation.yield(ServerSentEvent.state(current).buffer)
        guard !current.state.isTerminal else {
            continuation.finish()
            return stream
        }
        let task = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in subscription {
                        switch event {
                        case .changed(let job) where job.id == id:
                            continuation.yield(ServerSentEvent.state(job).buffer)
                            if job.state.isTerminal { return }
                        case .progress(let jobID, let progress) where jobID == id:
                            continuation.yield(ServerSentEvent.progress(progress).buffer)
                        default:
                            continue
                        }
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        do {
                            try await Task.sleep(for: keepAlive)
                        } catch {
                            return
                        }
                        continuation.yield(ServerSentEvent.keepAlive)
                    }
                }
                await group.next()
                group.cancelAll()
            }
            continuation.finish()
        }
        // The client went away (the body writer stopped reading): stop listening.
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
