import AIProdCore
import AIProdPipeline
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Logging
import Testing

/// The shipped example scripts, whole, through the stage runner with an LLM and a voice that are
/// loopback fakes speaking the OpenAI-compatible APIs (the fake voice is real espeak-ng speech
/// at another rate and pitch, so alignment, mastering and QA meet real sound): the plan is the
/// LLM's, every scene is spoken by the remote voice, QA passes, every call is recorded and
/// priced, a second render pays nothing (the cache), and no log line holds the key.
@Suite("Example scripts through a fake LLM and a fake TTS", .serialized, .oneRenderAtATime)
struct ExampleScriptsTests {
    static let key = "sk-e2e-0123456789-secret"
    /// A small picture keeps the render short; the sound, the plan and QA are what is tested.
    /// One render at a time (`.serialized`): two at once load a 2-core machine enough to slow
    /// other suites' cancellation timings.
    static let preset = Preset(name: "test-320p", summary: "320x180 for tests", width: 320, height: 180, fps: Rational(10),
                               loudness: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5), transitions: TransitionKind.allCases)

    static func examples(_ name: String) throws -> String {
        let root = #filePath.components(separatedBy: "/Tests/")[0]
        return try String(contentsOfFile: root + "/docs/examples/" + name, encoding: .utf8)
    }

    static func config(chat: String, speech: String) throws -> ServiceConfig {
        try ServiceConfig.parse("""
            [studio]
            planner = llm
            voice = tts
            [provider.llm]
            kind = openai-chat
            url = \(chat)
            model = fake-model
            timeout_seconds = 600
            key = \(key)
            usd_per_1k_units = 0.5
            [provider.tts]
            kind = openai-speech
            url = \(speech)
            model = kokoro
            timeout_seconds = 600
            key = \(key)
            voice_en = af_heart
            voice_fr = ff_siwis
            usd_per_1k_units = 15
            """, file: nil, environment: [:])
    }

    static func runner(_ config: ServiceConfig, cache: String) throws(PipelineError) -> StudioFactory.LocalRunner {
        var runner = try StudioFactory.runner(studio: config.studio, limits: config.limits,
                                              remote: RemoteStudio(config: config, cacheDirectory: cache, cacheMaxBytes: 1 << 30))
        runner.settings.presets = [Self.preset]
        return runner
    }

    /// Runs the whole job in `folder` on a thread of its own.
    static func render(_ spec: JobSpec, config: ServiceConfig, cache: String, folder: String, calls: CallLog, logger: Logger) async -> Result<JobResult, PipelineError> {
        await blocking {
            do throws(PipelineError) {
                let context = StageContext(logger: logger, providerCall: { calls.record($0) })
                return .success(try runner(config, cache: cache).run(spec: spec, in: JobDirectory(root: folder), context: context))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Runs the stages that call providers (plan, narrate) in `folder`.
    static func narrate(_ spec: JobSpec, config: ServiceConfig, cache: String, folder: String, calls: CallLog, logger: Logger) async -> Result<Void, PipelineError> {
        await blocking {
            do throws(PipelineError) {
                let context = StageContext(logger: logger, providerCall: { calls.record($0) })
                try runner(config, cache: cache).run(spec: spec, in: JobDirectory(root: folder), context: context, through: .narrate)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
    }

    @Test("renders through the LLM and the voice, passes QA, records and prices every call, pays once", arguments: ["script-en.txt", "script-fr.txt"])
    func example(_ file: String) async throws {
        let script = try Self.examples(file)
        let scratch = ScratchDirectory()
        try await FakeChatServer.serving { chat, chatURL in
            try await FakeSpeechServer.serving { speech, speechURL in
                let config = try Self.config(chat: chatURL, speech: speechURL)
                let logs = LogCapture()
                let calls = CallLog()
                let spec = JobSpec(script: script, preset: Self.preset.name)
                let result = try await Self.render(spec, config: config, cache: scratch.file("cache"), folder: scratch.file("job"),
                                                   calls: calls, logger: logs.logger()).get()
                #expect(result.qaPassed, "QA failures: \(result.qaFailures)")
                #expect(result.warnings.isEmpty, "\(result.warnings)")
                let directory = JobDirectory(root: scratch.file("job"))
                let plan = try JSONCoding.decoder.decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: directory.plan)))
                #expect(plan.scenes.count > 1 && plan.scenes.allSatisfy { $0.visual?.isEmpty == false }, "the LLM's plan has a visual per scene")
                let narrations = try JSONCoding.decoder.decode([Narration].self, from: Data(contentsOf: URL(fileURLWithPath: directory.path(JobDirectory.narrations))))
                #expect(narrations.count == plan.scenes.count && narrations.allSatisfy { $0.provider == "tts" })
                #expect(narrations.allSatisfy { !$0.words.isEmpty })

                let recorded = calls.all
                #expect(recorded.filter { $0.provider == "llm" }.map(\.purpose).contains("plan"))
                #expect(recorded.filter { $0.provider == "tts" }.count == plan.scenes.count)
                #expect(recorded.allSatisfy { $0.outcome == .succeeded && $0.usd > 0 }, "\(recorded.map(\.outcome))")
                let characters = recorded.filter { $0.provider == "tts" }.reduce(0) { $0 + $1.units }
                #expect(characters >= Double(plan.scenes.map(\.text.count).reduce(0, +)) * 0.8)
                #expect(ProviderCallLog.read(directory.path(JobDirectory.providerCalls)).count == recorded.count)
                let sentToChat = await chat.requests().count, sentToSpeech = await speech.requests().count
                #expect(await speech.requests().allSatisfy { $0.headers["authorization"] == "Bearer \(Self.key)" })

                // Again, in a new folder: every answer comes from the cache; nothing is sent or paid.
                let again = CallLog()
                try await Self.narrate(spec, config: config, cache: scratch.file("cache"), folder: scratch.file("job2"),
                                       calls: again, logger: logs.logger()).get()
                let chatAfter = await chat.requests().count, speechAfter = await speech.requests().count
                #expect(chatAfter == sentToChat && speechAfter == sentToSpeech)
                #expect(again.all.count == recorded.count && again.all.allSatisfy { $0.outcome == .cached && $0.usd == 0 })

                #expect(!logs.all.isEmpty)
                #expect(logs.all.allSatisfy { !$0.contains(Self.key) })
            }
        }
    }
}
