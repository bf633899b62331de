import AIProdCore
import AIProdPipeline
import AIProdStudio
import Testing

@Suite("Estimates price the configured chains")
struct ProviderEstimateTests {
    static let config: ServiceConfig = {
        let text = """
            [studio]
            planner = cloud-llm, local-llm
            voice = eleven
            [provider.cloud-llm]
            kind = openai-chat
            url = https://llm.example/v1
            model = big
            usd_per_1k_units = 0.01
            [provider.local-llm]
            kind = openai-chat
            url = http://gpu:11434/v1
            model = small
            [provider.eleven]
            kind = elevenlabs
            voice_en = Rachel
            usd_per_1k_units = 0.3
            """
        return (try? ServiceConfig.parse(text, file: nil, environment: [:])) ?? ServiceConfig()
    }()

    static func plan(_ spec: JobSpec) throws -> Plan {
        try StudioDryRun(planner: OfflinePlanner()).dryRun(spec)
    }

    @Test("the first provider of each chain is priced for the plan's tokens and characters")
    func priced() throws {
        #expect(!Self.config.providers.isEmpty)
        let spec = JobSpec(script: "The keeper climbs the stairs at dusk. The lamp turns over the calm sea.")
        let lines = try ProviderEstimate(config: Self.config).lines(for: spec, plan: try Self.plan(spec))
        #expect(lines.map(\.provider) == ["cloud-llm", "eleven"])
        #expect(lines.map(\.kind) == ["llm_tokens", "tts_characters"])
        let characters = try #require(lines.last)
        #expect(characters.units == Double(spec.script!.count))
        #expect(abs(characters.usd - characters.units * 0.3 / 1_000) < 1e-12)
        #expect(lines[0].units > 700 && abs(lines[0].usd - lines[0].units * 0.01 / 1_000) < 1e-12)
        // A prompt adds the script's writing.
        let prompted = JobSpec(duration: Rational(60), prompt: "A minute on the lighthouse")
        let written = try ProviderEstimate(config: Self.config).lines(for: prompted, plan: try Self.plan(prompted))
        #expect(written[0].units > lines[0].units)
    }

    @Test("a job may start a chain further on, or offline; a name not in the chain is the caller's error")
    func choice() throws {
        let estimate = ProviderEstimate(config: Self.config)
        var spec = JobSpec(script: "The sea is calm.")
        spec.providers = ProviderRequest(planner: "local-llm", voice: "offline")
        let lines = try estimate.lines(for: spec, plan: try Self.plan(spec))
        #expect(lines.map(\.provider) == ["local-llm"])
        #expect(lines.first?.usd == 0)
        for request in [ProviderRequest(planner: "https://evil.example/v1"), ProviderRequest(voice: "cloud-llm")] {
            spec.providers = request
            #expect { try estimate.lines(for: spec, plan: try Self.plan(spec)) } throws: { error in
                let error = error as? PipelineError
                return error?.category == .caller && (error?.errorField == "providers.planner" || error?.errorField == "providers.voice")
            }
        }
    }

    @Test("offline by default: no remote line")
    func offline() throws {
        let spec = JobSpec(script: "The sea is calm.")
        #expect(try ProviderEstimate(config: ServiceConfig()).lines(for: spec, plan: try Self.plan(spec)).isEmpty)
    }

    @Test("pictures, motion, effects and music are priced per scene, per second of clip, per cue and per piece")
    func media() throws {
        let text = """
            [costs]
            image_usd_each = 0.04
            video_usd_per_second = 0.05
            music_usd_per_track = 0.1
            [studio]
            visuals = sd, stock
            motion = runway
            effects = freesound
            music = musicgen
            [provider.sd]
            kind = a1111
            url = http://gpu:7860
            [provider.stock]
            kind = pexels
            [provider.runway]
            kind = runway
            [provider.freesound]
            kind = freesound
            [provider.musicgen]
            kind = music-http
            url = http://gpu:9000/generate
            """
        let config = try ServiceConfig.parse(text, file: nil, environment: [:])
        let spec = JobSpec(script: "The rain falls on the harbour. Thunder rolls over the sea. The bell rings at noon.")
        let plan = try Self.plan(spec)
        let cues = plan.scenes.reduce(0) { $0 + $1.soundCues.count }
        let lines = try ProviderEstimate(config: config).lines(for: spec, plan: plan)
        let byProvider = Dictionary(uniqueKeysWithValues: lines.map { ($0.provider ?? "", $0) })
        #expect(byProvider["sd"]?.units == Double(plan.scenes.count) && byProvider["sd"]?.kind == "images")
        #expect(abs((byProvider["sd"]?.usd ?? 0) - 0.04 * Double(plan.scenes.count)) < 1e-9)
        #expect(byProvider["stock"] == nil, "only the chain's first provider is priced")
        let seconds = try #require(byProvider["runway"]?.units)
        #expect(seconds >= 5 * Double(plan.scenes.count) && byProvider["runway"]?.kind == "video_seconds")
        #expect(cues > 0 && byProvider["freesound"]?.units == Double(cues) && byProvider["freesound"]?.usd == 0)
        #expect(byProvider["musicgen"]?.units == 1 && abs((byProvider["musicgen"]?.usd ?? 0) - 0.1) < 1e-9)
        // Starting at offline, or without effects and music, drops the lines.
        var offline = spec
        offline.providers = ProviderRequest(visuals: "offline", motion: "offline")
        offline.effects = false
        offline.music.enabled = false
        let none = try ProviderEstimate(config: config).lines(for: offline, plan: plan)
        #expect(none.isEmpty, "\(none)")
        offline.providers = ProviderRequest(visuals: "https://evil.example/")
        #expect(throws: PipelineError.self) { try ProviderEstimate(config: config).lines(for: offline, plan: plan) }
    }
}
