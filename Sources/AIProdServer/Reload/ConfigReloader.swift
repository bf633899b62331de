import AIProdCore
import Logging
import Synchronization

/// Re-reads the configuration the daemon started with (same file, same `AIPROD_…`
/// variables) on SIGHUP and applies what can change live through the registered
/// ``ReloadAction``s. A file that does not load keeps the running configuration whole and is
/// logged at error level with its file and line; keys no action owns (listen address, port,
/// data folder, workers…) are logged as needing a restart and never applied half-way.
/// Tokens need nothing: every request looks its token up in SQLite.
public final class ConfigReloader: Sendable {
    let path: String?
    let environment: [String: String]
    /// The configuration the process started with: what restart-only keys are compared to.
    let started: ServiceConfig
    let logger: Logger
    private let actions = Mutex<[ReloadAction]>([])
    /// One reload at a time: two SIGHUPs in a row apply in order.
    private let reloading = Mutex<Void>(())

    public init(path: String?, environment: [String: String], started: ServiceConfig, logger: Logger) {
        self.path = path
        self.environment = environment
        self.started = started
        self.logger = logger
    }

    /// Adds what a reload applies; register before the daemon runs.
    public func register(_ action: ReloadAction) {
        actions.withLock { $0.append(action) }
    }

    /// Adds `apply` for the keys in `owns` (`section.key` or `section`).
    public func register(owns: [String], apply: @escaping @Sendable (ServiceConfig) -> [String]) {
        register(ReloadAction(owns: owns, apply: apply))
    }

    /// Adds a whole section as live: `apply` gets its new value when one of its keys changed
    /// since the last reload (or the start), and the changed keys are reported.
    /// `reloader.register(\.webhooks) { notifier.update($0) }`.
    public func register<Section: ConfigSection>(_ section: @escaping @Sendable (ServiceConfig) -> Section,
                                                 apply: @escaping @Sendable (Section) -> Void) {
        let last = ReloadedSection(section(started))
        register(owns: [Section.sectionName]) { config in
            let new = section(config)
            let changed = last.swap(to: new)
            if !changed.isEmpty { apply(new) }
            return changed
        }
    }

    /// Reads the file again and applies it; logs and returns what happened.
    @discardableResult
    public func reload() -> ReloadReport {
        reloading.withLock { _ in
            let report = apply()
            log(report)
            return report
        }
    }

    private func apply() -> ReloadReport {
        let config: ServiceConfig
        do {
            config = try ServiceConfig.load(path: path, environment: environment)
        } catch {
            return ReloadReport(error: error)
        }
        let registered = actions.withLock { $0 }
        var applied: [String] = []
        for action in registered { applied += action.apply(config) }
        let needsRestart = Self.changedKeys(from: started, to: config).filter { key in !registered.contains { $0.covers(key) } }
        return ReloadReport(applied: applied.sorted(), needsRestart: needsRestart)
    }

    private func log(_ report: ReloadReport) {
        if let error = report.error {
            var metadata: Logger.Metadata = ["error": "\(error.description)"]
            if let file = error.file { metadata["file"] = "\(file)" }
            if let line = error.line { metadata["line"] = "\(line)" }
            if let variable = error.variable { metadata["variable"] = "\(variable)" }
            logger.error("configuration not reloaded: keeping the running one", metadata: metadata)
            return
        }
        logger.info("configuration reloaded", metadata: [
            "file": "\(path ?? "(none)")",
            "changed": .array(report.applied.map { .string($0) }),
        ])
        if !report.needsRestart.isEmpty {
            logger.warning("configuration changes that need a restart; not applied", metadata: [
                "keys": .array(report.needsRestart.map { .string($0) }),
            ])
        }
    }

    /// `section.key` of every value that differs between `old` and `new`, in file order. Sections
    /// are matched by name: a `[provider.NAME]` added or removed changes all its keys.
    static func changedKeys(from old: ServiceConfig, to new: ServiceConfig) -> [String] {
        let before = Dictionary(old.sections.map { ($0.name, $0.entries) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.sections.map { ($0.name, $0.entries) }, uniquingKeysWith: { first, _ in first })
        let names = new.sections.map(\.name) + old.sections.map(\.name).filter { after[$0] == nil }
        return names.flatMap { name in
            guard let entries = after[name] else { return (before[name] ?? []).map { "\(name).\($0.key)" } }
            return ConfigEntry.changedKeys(in: name, from: before[name] ?? [], to: entries)
        }
    }
}
