import AIProdCore

/// What one reload did: the keys applied live, the changed keys that wait for a restart, or
/// the error that kept the running configuration.
public struct ReloadReport: Sendable, Hashable {
    /// `section.key` of every value changed on the running daemon.
    public var applied: [String] = []
    /// `section.key` of every value that differs from the one the daemon started with and can
    /// only take effect at the next start.
    public var needsRestart: [String] = []
    /// Set when the file could not be read or is invalid: nothing was applied.
    public var error: ConfigError?

    public init(applied: [String] = [], needsRestart: [String] = [], error: ConfigError? = nil) {
        self.applied = applied
        self.needsRestart = needsRestart
        self.error = error
    }
}
