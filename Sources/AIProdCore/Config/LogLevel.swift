/// The lowest level logged; the names (and raw values) are swift-log's `Logger.Level`, so the
/// daemon converts with `Logger.Level(rawValue:)` while Core stays free of swift-log.
public enum LogLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case trace, debug, info, notice, warning, error, critical
}
