import AIProdCore
import Logging

/// The daemon's logging, set up once per process from `[log]`: JSON lines on stderr (journald,
/// log shippers) or swift-log's plain text for a person at a terminal. Every handler reads its
/// level from one ``SharedLogLevel``, which a reload changes.
enum DaemonLogging {
    static func bootstrap(_ config: LogConfig, level shared: SharedLogLevel) -> Logger {
        shared.set(level(config))
        switch config.format {
        case .json:
            LoggingSystem.bootstrap { label in SharedLevelLogHandler(JSONLinesLogHandler(label: label, level: .trace), level: shared) }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .trace  // the shared level filters
                return SharedLevelLogHandler(handler, level: shared)
            }
        }
        return Logger(label: "aiprod")
    }

    /// `[log] level` as swift-log's level.
    static func level(_ config: LogConfig) -> Logger.Level {
        Logger.Level(rawValue: config.level.rawValue) ?? .info
    }
}
