import AIProdCore

/// One thing a reload can change on a running daemon: the configuration keys it owns
/// (`section.key`, or `section` for all of a section's keys) and the closure that applies a
/// newly read configuration and returns the keys it changed (`["log.level"]`), empty when
/// nothing of its own differs. Keys no action owns need a restart.
public struct ReloadAction: Sendable {
    public var owns: [String]
    public var apply: @Sendable (ServiceConfig) -> [String]

    public init(owns: [String], apply: @escaping @Sendable (ServiceConfig) -> [String]) {
        self.owns = owns
        self.apply = apply
    }

    /// Whether `key` (`section.key`) is one of this action's.
    func covers(_ key: String) -> Bool {
        owns.contains { key == $0 || key.hasPrefix($0 + ".") }
    }
}
