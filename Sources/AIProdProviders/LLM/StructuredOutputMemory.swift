import AIProdCore
import Synchronization

/// Remembers, for the life of the process, which servers refused `response_format` (by
/// provider name, URL and model: a reload that keeps them keeps the knowledge), so that with
/// `structured_output = auto` only the first request to such a server pays for the refusal.
enum StructuredOutputMemory {
    private static let refusing = Mutex<Set<String>>([])

    static func refuses(_ config: ProviderConfig) -> Bool {
        refusing.withLock { $0.contains(key(config)) }
    }

    static func remember(_ config: ProviderConfig) {
        _ = refusing.withLock { $0.insert(key(config)) }
    }

    private static func key(_ config: ProviderConfig) -> String {
        "\(config.name)\u{0}\(config.url)\u{0}\(config.model)"
    }
}
