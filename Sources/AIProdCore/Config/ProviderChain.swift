/// A stage's fallback chain from `[studio]` (`planner = local-llm, offline`): provider names
/// tried in order, always ending with the built-in offline engine, which is added when the
/// list leaves it out, so a stage can always finish without the network.
public struct ProviderChain: Sendable, Hashable, CustomStringConvertible {
    /// The name of the built-in engines in a chain.
    public static let offline = "offline"

    /// Remote providers in order, `offline` not included.
    public var providers: [String]

    public init(_ providers: [String] = []) {
        self.providers = providers
    }

    /// Parses `a, b, offline`: names separated by commas; `offline` may only come last.
    public static func parse(_ text: String, section: String, key: String) throws(ConfigError) -> ProviderChain {
        let names = text.split(separator: ",").map { String($0).trimmingWhitespace() }
        var providers: [String] = []
        for (index, name) in names.enumerated() {
            guard !name.isEmpty else { throw ConfigError(section: section, key: key, message: "an empty name in \"\(text)\"") }
            if name == offline {
                guard index == names.count - 1 else {
                    throw ConfigError(section: section, key: key, message: "offline is the last resort: nothing can come after it")
                }
                continue
            }
            guard !providers.contains(name) else { throw ConfigError(section: section, key: key, message: "\(name) is named twice") }
            providers.append(name)
        }
        return ProviderChain(providers)
    }

    /// Whether the chain uses only the built-in engines.
    public var isOffline: Bool { providers.isEmpty }

    /// The chain from `name` on (a job asking for a provider starts there); nil when `name` is
    /// not in it. `offline` gives the empty chain.
    public func starting(at name: String) -> ProviderChain? {
        if name == Self.offline { return ProviderChain() }
        guard let index = providers.firstIndex(of: name) else { return nil }
        return ProviderChain(Array(providers[index...]))
    }

    /// `a, b, offline`.
    public var description: String { (providers + [Self.offline]).joined(separator: ", ") }
}
