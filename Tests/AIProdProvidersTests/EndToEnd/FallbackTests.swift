import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// The chains under failure, through the stage runner: a voice that dies mid-job is dropped for
/// the rest of it (no scene mixes voices) and the job says so; an LLM whose plans never validate
/// leaves the plan to the offline planner, with the reason; a prompt becomes a script by the
/// LLM, or is narrated as it is when none is configured; a cancel reaches a job waiting on a
/// provider.
@Suite("Fallbacks from the remote providers to the offline engines")
struct FallbackTests {
    static let script = """
        ## The rock
        The lighthouse stands on a black rock. Waves break below it all night.

        ## The keeper
        The keeper climbs one hundred steps. He lights the lamp at dusk.

        ## The morning
        At dawn the fishing boats come home. The bell rings once.
        """

    static func config(_ text: String) throws -> ServiceConfig {
        try ServiceConfig.parse(text, file: nil, environment: [:])
    }

    /// Runs the stages through `last` on a thread of its own.
    static func run(_ spec: JobSpec, config: ServiceConfig, folder: String, through last: StageName = .narrate,
                    cancellation: RenderCancellation = RenderCancellation(), calls: CallLog = CallLog()) async -> Result<Void, PipelineError> {
        await blocking {
            do throws(PipelineError) {
                let runner = try StudioFactory.runner(studio: config.studio, limits: config.limits,
                                                      remote: RemoteStudio(config: config, cacheDirectory: nil, cacheMaxBytes: 0))
                let context = StageContext(cancellation: cancellation, logger: Logger(label: "test"), providerCall: { calls.record($0) })
                try runner.run(spec: spec, in: JobDirectory(root: folder), context: context, through: last)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
    }

    static func read<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONCoding.decoder.decode(type, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("a voice that fails at the second scene is dropped: scene 1 keeps it, scenes 2–3 are espeak-ng, and the job says so")
    func voiceFailsMidJob() async throws {
        let scratch = ScratchDirectory()
        let served = Counter()
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/audio/speech") { request, _ -> Response in
                let received = try await server.remember(request)
                guard await served.next() == 1 else { return FakeProviderServer.json(#"{"error": "GPU fell over"}"#, status: .internalServerError) }
                let text = (try? JSONSerialization.jsonObject(with: received.body) as? [String: Any])?["input"] as? String ?? ""
                let wav = await blocking { (try? SpeechWAV.espeak(text)).map { SpeechWAV.pcm16($0.samples) } }
                return FakeProviderServer.bytes(wav ?? Data(), contentType: "audio/wav")
            }
        }) { server, base in
            let config = try Self.config("""
                [studio]
                voice = tts
                [provider.tts]
                kind = openai-speech
                url = \(base)/v1
                model = kokoro
                timeout_seconds = 600
                voice_en = af_heart
                retries = 0
                """)
            let folder = scratch.file("job")
            let calls = CallLog()
            try await Self.run(JobSpec(script: Self.script), config: config, folder: folder, calls: calls).get()
            let directory = JobDirectory(root: folder)
            let narrations = try Self.read([Narration].self, directory.path(JobDirectory.narrations))
            #expect(narrations.map(\.provider) == ["tts", nil, nil])
            let warnings = try Self.read([String].self, directory.path(JobDirectory.narrationWarnings))
            #expect(warnings.count == 1 && warnings[0].contains("voice tts failed at scene 2") && warnings[0].contains("provider_http_error"))
            // Dropped for the rest of the job: scene 3 was not even asked.
            #expect(await server.requests().count == 2)
            #expect(calls.all.map(\.outcome) == [.succeeded, .failed])
        }
    }

    @Test("an LLM whose plans never validate is asked twice, then the offline planner plans, and the plan says why")
    func invalidPlansFallBack() async throws {
        let scratch = ScratchDirectory()
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/chat/completions") { request, _ -> Response in
                _ = try await server.remember(request)
                return FakeProviderServer.json(FakeChatServer.completion(#"{"title": "x", "scenes": [{"first_sentence": 9, "last_sentence": 1}]}"#))
            }
        }) { server, base in
            let config = try Self.config("""
                [studio]
                planner = llm
                [provider.llm]
                kind = openai-chat
                url = \(base)/v1
                model = m
                timeout_seconds = 600
                """)
            let folder = scratch.file("job")
            try await Self.run(JobSpec(script: Self.script), config: config, folder: folder, through: .plan).get()
            let plan = try Self.read(Plan.self, JobDirectory(root: folder).plan)
            #expect(await server.requests().count == 2)
            #expect(plan.warnings.contains { $0.contains("llm did not plan the script") && $0.contains("provider_invalid_plan") })
            var offline = try OfflinePlanner().plan(Self.script, preset: .web720p, seed: 1, targetDuration: nil)
            offline.warnings = plan.warnings
            #expect(plan == offline)
        }
    }

    @Test("a prompt becomes the LLM's script (script.txt); with no LLM it is narrated as it is, with a warning")
    func prompt() async throws {
        let scratch = ScratchDirectory()
        let prompt = "Sixty seconds on the history of the Gull Rock lighthouse, calm, for families"
        try await FakeChatServer.serving { chat, url in
            let config = try Self.config("[studio]\nplanner = llm\n[provider.llm]\nkind = openai-chat\nurl = \(url)\nmodel = m\ntimeout_seconds = 600\n")
            let folder = scratch.file("job")
            try await Self.run(JobSpec(language: .english, duration: Rational(60), prompt: prompt), config: config, folder: folder, through: .plan).get()
            let directory = JobDirectory(root: folder)
            let script = try String(contentsOfFile: directory.path(JobDirectory.script), encoding: .utf8)
            #expect(script.split(separator: " ").count > 40 && script != prompt)
            let plan = try Self.read(Plan.self, directory.plan)
            #expect(!plan.warnings.contains { $0.contains("did not") || $0.contains("narrated as it is") }, "\(plan.warnings)")
            #expect(plan.scenes.map(\.text).joined(separator: " ").split(separator: " ").count > 40)
            #expect(await chat.requests().count == 2)
        }
        let folder = scratch.file("offline")
        try await Self.run(JobSpec(prompt: prompt), config: ServiceConfig(), folder: folder, through: .plan).get()
        let plan = try Self.read(Plan.self, JobDirectory(root: folder).plan)
        #expect(plan.warnings.contains { $0.contains("the prompt is narrated as it is") })
        #expect(plan.scenes.first?.text.contains("Gull Rock") == true)
        #expect(!FileManager.default.fileExists(atPath: JobDirectory(root: folder).path(JobDirectory.script)))
    }

    @Test("a job cancelled while it waits on a provider stops at once")
    func cancelWhileWaiting() async throws {
        let scratch = ScratchDirectory()
        try await FakeProviderServer.serving({ router, server in
            router.post("v1/chat/completions") { request, _ -> Response in
                _ = try await server.remember(request)
                try await Task.sleep(nanoseconds: 60_000_000_000)
                return FakeProviderServer.json("{}")
            }
        }) { server, base in
            let config = try Self.config("[studio]\nplanner = llm\n[provider.llm]\nkind = openai-chat\nurl = \(base)/v1\nmodel = m\ntimeout_seconds = 120\n")
            let cancellation = RenderCancellation()
            let started = ContinuousClock.now
            async let outcome = Self.run(JobSpec(script: Self.script), config: config, folder: scratch.file("job"), through: .plan,
                                         cancellation: cancellation)
            while await server.requests().isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
            cancellation.cancel()
            let result = await outcome
            guard case .failure(let error) = result else { Issue.record("the job finished"); return }
            #expect(error.category == .cancelled && error.stage == .plan)
            // Far less than the provider's 60 s answer or the 120 s timeout.
            #expect(ContinuousClock.now - started < .seconds(50))
        }
    }
}
