/// The daemon's whole configuration: one value per `[section]` of aiprod.ini, defaults for
/// every key the file leaves out. Read with ``load(path:environment:)``; printed, with secrets
/// redacted, with ``renderedINI(redacting:)`` and ``redactedDictionary``.
public struct ServiceConfig: Sendable, Hashable {
    public var server = ServerConfig()
    public var storage = StorageConfig()
    public var database = DatabaseConfig()
    public var workers = WorkersConfig()
    public var queue = QueueConfig()
    public var render = RenderConfig()
    public var studio = StudioConfig()
    public var music = MusicConfig()
    public var limits = Limits()
    public var auth = AuthConfig()
    public var costs = CostsConfig()
    public var budget = BudgetConfig()
    public var webhooks = WebhooksConfig()
    public var log = LogConfig()
    public var rateLimit = RateLimitConfig()
    public var status = StatusConfig()
    public var backup = BackupConfig()
    /// `[provider.NAME]` sections by name; none by default: everything runs on this machine.
    public var providers: [String: ProviderConfig] = [:]

    public init() {}

    /// Every section with its effective keys, in the order etc/aiprod.ini documents them.
    public var sections: [(name: String, entries: [ConfigEntry])] {
        func section<Section: ConfigSection>(_ value: Section) -> (name: String, entries: [ConfigEntry]) {
            (Section.sectionName, value.entries)
        }
        return [
            section(server), section(storage), section(database), section(workers), section(queue),
            section(render), section(studio), section(music), section(limits), section(auth), section(costs),
            section(budget), section(webhooks), section(log), section(rateLimit), section(status),
            section(backup),
        ] + providers.keys.sorted().compactMap { name in providers[name].map { ($0.sectionName, $0.entries) } }
    }

    /// The keys `section` accepts: its own, or a provider section's.
    static func knownKeys(_ section: String) -> Set<String>? {
        if section.hasPrefix(ProviderConfig.sectionPrefix) { return Set(ProviderConfig.keys) }
        return schema[section]
    }

    /// section → the keys it accepts: what unknown sections, keys and variables are checked
    /// against.
    public static let schema: [String: Set<String>] = Dictionary(
        uniqueKeysWithValues: ServiceConfig().sections.map { ($0.name, Set($0.entries.map(\.key))) })
}
