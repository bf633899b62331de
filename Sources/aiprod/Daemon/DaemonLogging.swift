import AIProdCore
import Logging

/// The daemon's logging, set up once per process from `[log]`: JSON lines on stderr (journald,
/// log shippers) or swift-log's plain text for a person at a terminal.
enum DaemonLogging {
    static func bootstrap(_ config: LogConfig) -> Logger {
        let level = Logger.Level(rawValue: config.level.rawValue) ?? .info
        switch config.format {
        case .json:
            LoggingSystem.bootstrap { label in JSONLinesLogHandler(label: label, level: level) }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "aiprod")
    }
}
