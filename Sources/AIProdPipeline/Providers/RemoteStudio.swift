import AIProdCore
import AIProdProviders
import AIProdStudio

/// The remote providers the studio may call, built once from the configuration and shared by
/// every job: one transport per `[provider.NAME]` (its breaker, its concurrency limit, its
/// client), the LLM and voice clients on them, the `[studio]` chains, and the answer cache.
/// ``offline`` has none: every stage runs on this machine and nothing opens a socket.
public struct RemoteStudio: Sendable {
    public var plannerChain: ProviderChain
    public var voiceChain: ProviderChain
    public var visualsChain: ProviderChain
    public var motionChain: ProviderChain
    public var effectsChain: ProviderChain
    public var musicChain: ProviderChain
    public var chats: [String: OpenAIChatClient]
    public var voices: [String: RemoteVoice]
    /// Image generators of the visuals chain.
    public var images: [String: RemoteImages]
    /// Stock libraries of the visuals chain.
    public var stock: [String: PexelsClient]
    public var motions: [String: RemoteMotion]
    public var sounds: [String: FreesoundClient]
    public var musics: [String: MusicHTTPClient]
    /// Providers a chain names that could not be set up (a ComfyUI workflow that does not
    /// read), with why: the stages skip them with a warning.
    public var unusable: [String: String]
    /// Every configured provider's kind, for credits.
    public var kinds: [String: ProviderKind]
    public var cache: ProviderCache?
    /// The studio's own planner, which the LLM planner derives pacing and keywords with.
    public var offlinePlanner: OfflinePlanner?
    /// `[studio]` limits and voice rate, for the script writer.
    public var studio: StudioConfig

    public init() {
        plannerChain = ProviderChain()
        voiceChain = ProviderChain()
        visualsChain = ProviderChain()
        motionChain = ProviderChain()
        effectsChain = ProviderChain()
        musicChain = ProviderChain()
        chats = [:]
        voices = [:]
        images = [:]
        stock = [:]
        motions = [:]
        sounds = [:]
        musics = [:]
        unusable = [:]
        kinds = [:]
        studio = StudioConfig()
    }

    /// No provider: everything offline.
    public static let offline = RemoteStudio()

    /// The providers `[studio]`'s chains name (a provider no chain names is never called), with
    /// the cache in `[storage]`'s data folder (none when `provider_cache_bytes` is 0).
    public init(config: ServiceConfig) {
        let storage = config.storage
        self.init(config: config, cacheDirectory: storage.providerCacheBytes > 0 ? storage.providerCacheDirectory : nil,
                  cacheMaxBytes: Int64(storage.providerCacheBytes))
    }

    /// `cacheDirectory` nil: no cache.
    public init(config: ServiceConfig, cacheDirectory: String?, cacheMaxBytes: Int64) {
        self.init()
        studio = config.studio
        plannerChain = config.studio.planner
        voiceChain = config.studio.voice
        let reference = EspeakNarrator(config: config.studio)
        for name in plannerChain.providers {
            guard let provider = config.providers[name] else { continue }
            chats[name] = OpenAIChatClient(transport: ProviderTransport(config: provider))
        }
        for name in voiceChain.providers {
            guard let provider = config.providers[name] else { continue }
            voices[name] = RemoteVoice(transport: ProviderTransport(config: provider), reference: reference, limits: config.limits)
        }
        kinds = config.providers.mapValues(\.kind)
        visualsChain = config.studio.visuals
        motionChain = config.studio.motion
        effectsChain = config.studio.effects
        musicChain = config.studio.music
        for name in visualsChain.providers {
            guard let provider = config.providers[name] else { continue }
            let transport = ProviderTransport(config: provider)
            if provider.kind.role == .stock {
                stock[name] = PexelsClient(transport: transport)
                continue
            }
            do {
                images[name] = try RemoteImages(transport: transport)
            } catch {
                unusable[name] = error.message
            }
        }
        for name in motionChain.providers {
            guard let provider = config.providers[name] else { continue }
            motions[name] = RemoteMotion(transport: ProviderTransport(config: provider))
        }
        for name in effectsChain.providers {
            guard let provider = config.providers[name] else { continue }
            sounds[name] = FreesoundClient(transport: ProviderTransport(config: provider))
        }
        for name in musicChain.providers {
            guard let provider = config.providers[name] else { continue }
            musics[name] = MusicHTTPClient(transport: ProviderTransport(config: provider))
        }
        if !chats.isEmpty { offlinePlanner = OfflinePlanner(config: config.studio) }
        if let cacheDirectory, !isOffline {
            cache = ProviderCache(directory: cacheDirectory, maxBytes: cacheMaxBytes)
        }
    }

    /// Whether any stage may call out.
    public var isOffline: Bool {
        chats.isEmpty && voices.isEmpty && images.isEmpty && stock.isEmpty && motions.isEmpty && sounds.isEmpty && musics.isEmpty
    }

    /// The planner chain a job runs: the configured one, or from the provider the job names.
    public func planners(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(plannerChain, from: spec.providers.planner, field: "providers.planner")
    }

    /// The voice chain a job runs.
    public func voiceNames(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(voiceChain, from: spec.providers.voice, field: "providers.voice")
    }

    /// The visuals chain a job runs (image generators and stock libraries, in order).
    public func visualNames(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(visualsChain, from: spec.providers.visuals, field: "providers.visuals")
    }

    public func motionNames(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(motionChain, from: spec.providers.motion, field: "providers.motion")
    }

    public func effectNames(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(effectsChain, from: spec.providers.effects, field: "providers.effects")
    }

    /// The names of `chain` from `start` on; a name not in the chain is the caller's error.
    public static func chain(_ chain: ProviderChain, from start: String?, field: String) throws(PipelineError) -> [String] {
        guard let start else { return chain.providers }
        guard let rest = chain.starting(at: start) else {
            throw .invalidSpec(field, "\(field) must be one of \(chain.description) ([studio] in aiprod.ini), got \"\(start.prefix(64))\"")
        }
        return rest.providers
    }
}
