import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStore
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// A job with a remote voice, through the worker pool and a real SQLite file: each call lands in
/// the store (`provider_calls`), is booked as a cost the month's spend sees, is audited in the
/// submitter's name, and a voice that cannot be reached leaves the job to espeak-ng with a
/// warning in its result.
@Suite("Worker pool: provider calls on the job, its cost and the audit log", .serialized, .oneRenderAtATime)
struct ProviderPoolTests {
    /// An OpenAI-compatible `/v1/audio/speech` on loopback answering with real speech: espeak-ng
    /// at another rate, as a 48 kHz float WAV.
    static func speaking<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("v1/audio/speech") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let text = (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])?["input"] as? String ?? ""
            let wav: Data? = await withCheckedContinuation { continuation in
                Thread {
                    let folder = NSTemporaryDirectory() + "fake-tts-" + UUID().uuidString
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    defer { try? FileManager.default.removeItem(atPath: folder) }
                    var config = StudioConfig()
                    config.wordsPerMinute = 200
                    let narration = try? EspeakNarrator(config: config).narrate(text, language: .english, to: folder + "/s.wav")
                    continuation.resume(returning: narration.flatMap { FileManager.default.contents(atPath: $0.path) })
                }.start()
            }
            guard let wav else { return Response(status: .internalServerError) }
            return Response(status: .ok, headers: [.contentType: "audio/wav"], body: .init(byteBuffer: ByteBuffer(bytes: wav)))
        }
        return try await LoopbackHTTPServer.serving(router) { base in try await body(base + "/v1") }
    }

    static func runner(voiceURL: String) throws -> StudioFactory.LocalRunner {
        let config = try ServiceConfig.parse("""
            [studio]
            voice = tts
            [provider.tts]
            kind = openai-speech
            url = \(voiceURL)
            model = kokoro
            timeout_seconds = 600
            voice_en = af_heart
            usd_per_1k_units = 30
            retries = 0
            """, file: nil, environment: [:])
        var runner = try StudioFactory.runner(studio: config.studio, remote: RemoteStudio(config: config, cacheDirectory: nil, cacheMaxBytes: 0))
        runner.settings.presets = [PipelineFixture.preset]
        return runner
    }

    @Test("each call is on the job in the store, booked as a cost and audited")
    func recorded() async throws {
        let fixture = try PoolFixture()
        try await Self.speaking { url in
            let job = try fixture.store.enqueue(PipelineFixture.spec(), options: EnqueueOptions(tokenName: "alice")).job
            let done = try await fixture.running(runner: try Self.runner(voiceURL: url)) {
                try await fixture.waitUntilEnded(job.id)
            }
            #expect(done.state == .succeeded, "\(String(describing: done.error))")
            let scenes = try PipelineFixture.decode(Plan.self, fixture.directory(job.id).plan).scenes.count
            let calls = try fixture.store.providerCalls(job: job.id)
            #expect(calls.count == scenes && calls.allSatisfy { $0.provider == "tts" && $0.outcome == "succeeded" && $0.stage == "narrate" })
            let characters = calls.reduce(0) { $0 + $1.units }
            #expect(abs(calls.reduce(0) { $0 + $1.usd } - characters * 30 / 1_000) < 1e-9)
            let costs = try fixture.store.costs(job: job.id)
            #expect(costs.filter { $0.kind == "tts_characters" }.count == scenes)
            #expect(try fixture.store.spend(monthOf: Date()) >= characters * 30 / 1_000)
            let audit = try fixture.store.auditEntries(AuditQuery(type: .providerCall))
            #expect(audit.count == scenes && audit.allSatisfy { $0.tokenName == "alice" && $0.resource == job.id.rawValue })
            #expect(done.result?.warnings == [])
        }
    }

    @Test("a voice that cannot be reached: espeak-ng speaks, the job succeeds, its result says why")
    func unreachable() async throws {
        let fixture = try PoolFixture()
        // A port nothing listens on: connection refused at once.
        let job = try fixture.enqueue()
        let done = try await fixture.running(runner: try Self.runner(voiceURL: "http://127.0.0.1:9/v1")) {
            try await fixture.waitUntilEnded(job.id)
        }
        #expect(done.state == .succeeded)
        let warnings = done.result?.warnings ?? []
        #expect(warnings.count == 1 && warnings[0].contains("voice tts failed at scene 1") && warnings[0].contains("provider_unreachable"), "\(warnings)")
        let calls = try fixture.store.providerCalls(job: job.id)
        #expect(calls.map(\.outcome) == ["failed"] && calls.allSatisfy { $0.usd == 0 })
        #expect(try fixture.store.costs(job: job.id).allSatisfy { $0.kind != "tts_characters" })
    }
}
