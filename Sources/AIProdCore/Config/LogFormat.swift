/// How log lines are written: `text` for a person at a terminal, `json` (one object a line)
/// for journald and log shippers.
public enum LogFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case text, json
}
