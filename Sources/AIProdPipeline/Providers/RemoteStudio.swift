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
    public var chats: [String: OpenAIChatClient]
    public var voices: [String: RemoteVoice]
    public var cache: ProviderCache?
    /// The studio's own planner, which the LLM planner derives pacing and keywords with.
    public var offlinePlanner: OfflinePlanner?
    /// `[studio]` limits and voice rate, for the script writer.
    public var studio: StudioConfig

    public init() {
        plannerChain = ProviderChain()
        voiceChain = ProviderChain()
        chats = [:]
        voices = [:]
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
        if !chats.isEmpty { offlinePlanner = OfflinePlanner(config: config.studio) }
        if let cacheDirectory, !(chats.isEmpty && voices.isEmpty) {
            cache = ProviderCache(directory: cacheDirectory, maxBytes: cacheMaxBytes)
        }
    }

    /// Whether any stage may call out.
    public var isOffline: Bool { chats.isEmpty && voices.isEmpty }

    /// The planner chain a job runs: the configured one, or from the provider the job names.
    public func planners(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(plannerChain, from: spec.providers.planner, field: "providers.planner")
    }

    /// The voice chain a job runs.
    public func voiceNames(for spec: JobSpec) throws(PipelineError) -> [String] {
        try Self.chain(voiceChain, from: spec.providers.voice, field: "providers.voice")
    }

    /// The music sources a job tries after the library, in chain order (none yet: the lead wires
    /// `music-http` here).
    public func musicSources(for spec: JobSpec) throws(PipelineError) -> [any MusicPieceSource] {
        []
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
