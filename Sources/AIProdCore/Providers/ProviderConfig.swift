import Foundation

/// One `[provider.NAME]` section: a remote service the studio may call, how to reach it, how
/// patient to be with it, and what it costs. Nothing is remote unless such a section exists and
/// a `[studio]` chain names it.
public struct ProviderConfig: Sendable, Hashable {
    /// The NAME of `[provider.NAME]`: what chains and jobs refer to.
    public var name: String
    public var kind: ProviderKind
    /// Base URL, `http` or `https`, without a query: `http://gpu-box:11434/v1` for Ollama.
    public var url: String
    /// The model asked for (`llama3.1:8b`, `kokoro`); empty where the API has none.
    public var model: String
    /// Sent in the request's authorisation header; nil: none (a local server).
    public var key: ProviderKey?
    /// Where `key` was read from, when it came from a file (printed instead of the key).
    public var keyFile: String?
    /// Seconds one request may take, connection to last byte.
    public var timeoutSeconds: Double = 60
    /// Further attempts after a failed one (timeouts, transport errors, 429, 5xx).
    public var retries = 2
    /// Requests in flight to this provider at once, across all jobs.
    public var concurrency = 2
    /// Largest reply accepted, in bytes; a longer one is a failed call.
    public var maxResponseBytes: Int
    /// Consecutive failed calls after which the provider is skipped for `breakerSeconds`.
    public var breakerFailures = 3
    public var breakerSeconds: Double = 60
    /// Price of 1,000 of the kind's unit (tokens or characters), in USD; from `[costs]` when unset.
    public var usdPer1kUnits: Double
    /// The provider's voice per language (voice kinds).
    public var voices: [Language: String] = [:]
    /// JSON-schema structured output (`openai-chat`).
    public var structuredOutput = StructuredOutput.auto
    /// Most tokens a chat reply may use (`openai-chat`'s `max_tokens`).
    public var maxTokens = 4_096
    /// The workflow template file (`comfyui`): API-format JSON with `{{prompt}}`, `{{width}}`,
    /// `{{height}}` and `{{seed}}` placeholders.
    public var workflow: String?
    /// Licences accepted for what the provider finds (`freesound`); CC0 only by default.
    public var licenses: [MediaLicense] = [.cc0]
    /// Seconds between polls of a task (`runway`, `comfyui`).
    public var pollSeconds: Double = 2
    /// Longest wait for a task to finish, polls included (`runway`, `comfyui`).
    public var maxWaitSeconds: Double = 600
    /// Sampling steps (`a1111`).
    public var steps = 25

    public static let sectionPrefix = "provider."

    /// Keys every provider section accepts, in the order they are printed.
    public static let keys = [
        "kind", "url", "model", "key", "key_file", "voice_en", "voice_fr", "timeout_seconds", "retries", "concurrency",
        "max_response_bytes", "breaker_failures", "breaker_seconds", "usd_per_1k_units", "structured_output", "max_tokens",
        "workflow", "licenses", "poll_seconds", "max_wait_seconds", "steps",
    ]

    public init(name: String, kind: ProviderKind, url: String, model: String = "", key: ProviderKey? = nil, usdPer1kUnits: Double = 0) {
        self.name = name
        self.kind = kind
        self.url = url
        self.model = model
        self.key = key
        self.usdPer1kUnits = usdPer1kUnits
        self.maxResponseBytes = Self.defaultMaxResponseBytes(kind)
    }

    /// 4 MiB for a chat reply or a search, 64 MiB for audio and pictures, 256 MiB for video.
    public static func defaultMaxResponseBytes(_ kind: ProviderKind) -> Int {
        switch kind.role {
        case .llm: 4 << 20
        case .voice, .image, .effects, .music: 64 << 20
        case .motion, .stock: 256 << 20
        }
    }

    /// `[provider.NAME]`.
    public var sectionName: String { Self.sectionPrefix + name }

    /// The price of `units` of the kind's unit.
    public func usd(units: Double) -> Double {
        guard units.isFinite, units > 0 else { return 0 }
        return units * usdPer1kUnits / 1_000
    }

    /// Whether `name` may name a provider: 1…32 of `a-z 0-9 - _`, starting with a letter or
    /// digit, and not `offline` (the built-in engines' name in chains).
    public static func isValidName(_ name: String) -> Bool {
        guard (1...32).contains(name.utf8.count), name != "offline", let first = name.utf8.first,
              first.isLowercaseLetterOrDigit else { return false }
        return name.utf8.allSatisfy { $0.isLowercaseLetterOrDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

extension UInt8 {
    fileprivate var isLowercaseLetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
