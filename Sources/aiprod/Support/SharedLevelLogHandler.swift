import Logging

/// Wraps the daemon's log handler (JSON lines or plain text) so its level is the process's
/// ``SharedLogLevel`` unless a logger sets its own: reloading `[log] level` reaches loggers
/// that were made long before.
struct SharedLevelLogHandler<Wrapped: LogHandler>: LogHandler {
    var wrapped: Wrapped
    let shared: SharedLogLevel
    /// Set when code sets `logger.logLevel` on its own copy.
    private var ownLevel: Logger.Level?

    init(_ wrapped: Wrapped, level shared: SharedLogLevel) {
        self.wrapped = wrapped
        self.shared = shared
    }

    var logLevel: Logger.Level {
        get { ownLevel ?? shared.level }
        set { ownLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        wrapped.log(event: event)
    }
}
