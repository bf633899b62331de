import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

/// The worker pool against a real SQLite store and the real local studio: a job's whole life,
/// a failing stage retried and resumed there, the dead letter, cancel, and a shutdown whose
/// job the next pool finishes. Waits are on the store's events with generous timeouts; no test
/// asserts a timing (the benchmarks measure those).
@Suite("Worker pool", .serialized)
struct WorkerPoolTests {
    @Test("a script job runs to succeeded with one result, its cost and its speed recorded")
    func succeeds() async throws {
        let fixture = try PoolFixture()
        let job = try fixture.enqueue()
        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }
        #expect(ended.state == .succeeded, "\(ended.error.map { "\($0.code): \($0.message)" } ?? "")")
        #expect(ended.attempts == 1)
        let result = try #require(ended.result)
        #expect(FileManager.default.fileExists(atPath: fixture.directory(job.id).path(result.video)))
        #expect(result.duration > 0)
        let costs = try fixture.store.costs(job: job.id)
        #expect(costs.map(\.kind) == ["compute"])
        #expect(try fixture.store.speed(preset: PipelineFixture.preset.name) != nil)
        let published = try fixture.store.auditEntries(AuditQuery(type: .pipelineResult))
        #expect(published.filter { $0.resource == job.id.rawValue }.count == 1)
    }

    @Test("a stage that fails on the first attempt is retried, and the retry resumes at that stage")
    func retryResumesAtFailedStage() async throws {
        let fixture = try PoolFixture(backoffBase: 1)
        let job = try fixture.enqueue()
        let directory = fixture.directory(job.id)
        // A file where narrate makes its `media/` folder: narrate fails (a disk error, ours,
        // retryable) after plan finished.
        let blocker = try Self.block(directory.media)
        let ended = try await fixture.running {
            let failed = try await fixture.wait(for: job.id, "the first failure") { _, record in record?.error != nil }
            let planAfterFirst = directory.readManifest(.plan)
            try? FileManager.default.removeItem(atPath: blocker)
            let ended = try await fixture.waitUntilEnded(job.id)
            return (failed, planAfterFirst, ended)
        }
        let (failed, planAfterFirst, final) = ended
        #expect(failed.error?.stage == .narrate, "failed in narrate: \(String(describing: failed.error))")
        #expect(failed.state == .queued && failed.attempts == 1)
        #expect(final.state == .succeeded, "\(String(describing: final.error))")
        #expect(final.attempts == 2)
        #expect(final.result != nil)
        // plan was not run again: its manifest is the first attempt's.
        let plan = try #require(planAfterFirst)
        #expect(directory.readManifest(.plan) == plan)
    }

    @Test("a stage that fails on every attempt ends in the dead letter after max attempts")
    func retryToDead() async throws {
        let fixture = try PoolFixture(backoffBase: 0.05)
        let job = try fixture.enqueue(maxAttempts: 2)
        try Self.block(fixture.directory(job.id).media)
        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }
        #expect(ended.state == .dead)
        #expect(ended.attempts == 2)
        #expect(ended.error?.stage == .narrate)
        #expect(ended.error?.category == .server)
        #expect(ended.result == nil)
    }

    @Test("an error that is the caller's (an asset that is not there) is dead at once, no retry")
    func callerErrorIsDeadAtOnce() async throws {
        let fixture = try PoolFixture()
        let job = try fixture.enqueue(JobSpec(script: PipelineFixture.script, preset: PipelineFixture.preset.name,
                                              assetIds: [String(repeating: "ab", count: 32)]))
        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }
        #expect(ended.state == .dead)
        #expect(ended.attempts == 1)
        #expect(ended.error?.code == "asset_not_found")
        #expect(ended.error?.field == "asset_ids")
    }

    @Test("an uploaded asset is linked into the job's assets/ folder, named by its name and tags for the director")
    func linksAssets() async throws {
        let fixture = try PoolFixture()
        let picture = fixture.scratch.file("picture.jpg")
        try SyntheticMedia.image("testsrc2=s=320x180", to: picture)
        let digest = try Self.sha256(of: picture)
        try AssetFolder(root: fixture.configuration.assetsDirectory).adopt(tempFile: picture, sha256: digest)
        _ = try fixture.store.addAsset(AssetRecord(id: digest, name: "Harbour at dawn.JPG", tags: ["sea", "harbour", "../etc"], kind: .image,
                                                   bytes: 1, createdAt: Date()))
        let job = try fixture.enqueue(JobSpec(script: PipelineFixture.script, preset: PipelineFixture.preset.name, assetIds: [digest]))
        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }
        #expect(ended.state == .succeeded, "\(String(describing: ended.error))")
        let linked = "harbour-at-dawn-sea-etc-\(digest.prefix(12)).jpg"
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory(job.id).assets) == [linked])
    }

    @Test("cancel of a running job stops its stage and ends it canceled")
    func cancelRunning() async throws {
        let fixture = try PoolFixture()
        let job = try fixture.enqueue()
        let ended = try await fixture.running {
            _ = try await fixture.wait(for: job.id, stage: .render)
            _ = try fixture.store.cancel(job.id, now: Date())
            return try await fixture.waitUntilEnded(job.id, timeout: .seconds(30))
        }
        #expect(ended.state == .canceled)
        #expect(ended.result == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory(job.id).video), "no partial video left")
    }

    @Test("graceful shutdown releases the running job (attempt not counted); a new pool resumes and finishes it")
    func shutdownReleasesAndResumes() async throws {
        let fixture = try PoolFixture()
        let job = try fixture.enqueue()
        let directory = fixture.directory(job.id)
        try await fixture.running {
            _ = try await fixture.wait(for: job.id, stage: .render)
        }
        let released = try fixture.store.job(job.id)
        #expect(released.state == .queued)
        #expect(released.attempts == 0, "a shutdown does not spend an attempt")
        let direct = try #require(directory.finishedManifest(.direct), "the stages before render are kept")
        #expect(directory.finishedManifest(.render) == nil)

        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }
        #expect(ended.state == .succeeded, "\(String(describing: ended.error))")
        #expect(ended.attempts == 1)
        #expect(directory.readManifest(.direct) == direct, "direct was not run again")
    }

    @Test("an idle worker wakes for an enqueue (no idle recheck within the test)")
    func idleWorkerWakesOnEnqueue() async throws {
        let fixture = try PoolFixture(idleRecheck: .seconds(3600))
        let ended = try await fixture.running {
            // Let the worker find the queue empty and go to sleep.
            try await Task.sleep(for: .milliseconds(300))
            // The caller's error ends it at once: the claim is what this test is about.
            let job = try fixture.enqueue(JobSpec(script: "Hello.", preset: PipelineFixture.preset.name,
                                                  assetIds: [String(repeating: "cd", count: 32)]))
            return try await fixture.waitUntilEnded(job.id, timeout: .seconds(60))
        }
        #expect(ended.state == .dead && ended.attempts == 1)
    }

    @Test("a job that ends is announced to its webhook_url, signed, and the attempt recorded")
    func webhookOnEnd() async throws {
        let fixture = try PoolFixture()
        var webhooks = WebhooksConfig()
        webhooks.secret = "test-secret"
        let notifier = WebhookNotifier(config: webhooks, store: fixture.store, logger: PoolFixture.logger)
        let (ended, deliveries, attempts) = try await WebhookReceiver.serving(statuses: [200]) { receiver, base in
            // Dead at once (an asset that is not there): the end, not the render, is under test.
            let job = try fixture.enqueue(JobSpec(script: "Hello.", preset: PipelineFixture.preset.name,
                                                  assetIds: [String(repeating: "ef", count: 32)], webhookUrl: base + "/hook"))
            return try await fixture.running(notifier: notifier) {
                let ended = try await fixture.waitUntilEnded(job.id)
                // The delivery and its record follow the end.
                var attempts: [WebhookAttempt] = []
                for _ in 0..<600 where attempts.isEmpty {
                    try await Task.sleep(for: .milliseconds(50))
                    attempts = try fixture.store.webhookAttempts(job: job.id)
                }
                return (ended, await receiver.deliveries, attempts)
            }
        }
        #expect(ended.state == .dead)
        let delivery = try #require(deliveries.first)
        #expect(deliveries.count == 1)
        #expect(delivery.headers["x-aiprod-event"] == "job.dead")
        #expect(delivery.headers["x-aiprod-signature"].map { WebhookSignature.verify($0, body: delivery.body, secret: "test-secret") } == true)
        let announced = try JSONCoding.decoder.decode(JobRecord.self, from: delivery.body)
        #expect(announced.id == ended.id && announced.state == .dead)
        #expect(attempts.count == 1 && attempts.first?.status == 200)
    }

    /// Puts a file where `path`'s folder should be; returns its path.
    @discardableResult
    static func block(_ path: String) throws -> String {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The asset's id, as the server computes it on upload (here by coreutils' `sha256sum`).
    static func sha256(of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
