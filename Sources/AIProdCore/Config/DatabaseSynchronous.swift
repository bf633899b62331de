/// SQLite's `PRAGMA synchronous` in WAL mode: `normal` can lose the last transactions on a
/// power cut (never corrupts); `full` syncs every commit, slower.
public enum DatabaseSynchronous: String, Sendable, Hashable, CaseIterable, Codable {
    case normal
    case full
}
