import AIProdCore
import AIProdStore
import Testing

@Suite("The event hub")
struct EventHubTests {
    @Test("a subscriber for one job sees only its events; nil sees all; a finished stream unsubscribes")
    func filtering() async throws {
        let hub = JobEventHub()
        let a = JobID()
        let b = JobID()
        let onlyA = hub.subscribe(a)
        let all = hub.subscribe(nil)
        #expect(hub.subscriberCount == 2)
        hub.publish(.enqueued(b))
        hub.publish(.enqueued(a))
        hub.publish(.progress(a, JobProgress(stage: .plan, fraction: 1)))
        var seenA: [JobEvent] = []
        for await event in onlyA {
            seenA.append(event)
            if seenA.count == 2 { break }
        }
        #expect(seenA == [.enqueued(a), .progress(a, JobProgress(stage: .plan, fraction: 1))])
        var seenAll: [JobEvent] = []
        for await event in all {
            seenAll.append(event)
            if seenAll.count == 3 { break }
        }
        #expect(seenAll == [.enqueued(b), .enqueued(a), .progress(a, JobProgress(stage: .plan, fraction: 1))])
    }

    @Test("a listener whose task is cancelled is removed")
    func cancelledListener() async throws {
        let hub = JobEventHub()
        let listening = hub.subscribe(nil)
        let task = Task {
            var count = 0
            for await _ in listening { count += 1 }
            return count
        }
        #expect(hub.subscriberCount == 1)
        hub.publish(.enqueued(JobID()))
        task.cancel()
        _ = await task.value
        #expect(hub.subscriberCount == 0)
    }

    @Test("publish never blocks on a listener that does not read: it keeps only the newest")
    func slowListener() async {
        let hub = JobEventHub(bufferSize: 4)
        let id = JobID()
        let stream = hub.subscribe(id)
        for index in 0..<1000 {
            hub.publish(.progress(id, JobProgress(stage: .render, fraction: Double(index) / 1000)))
        }
        var first: JobEvent?
        for await event in stream {
            first = event
            break
        }
        #expect(first == .progress(id, JobProgress(stage: .render, fraction: 996.0 / 1000)))
    }
}
