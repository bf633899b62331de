/// `PRAGMA synchronous` for the WAL database: `normal` survives a crash of the process (a
/// committed job is never lost to `kill -9`), `full` also a power loss, at the price of an fsync
/// per commit.
public enum SQLiteSynchronous: String, Sendable, Hashable, CaseIterable {
    case normal
    case full

    var pragmaValue: String {
        switch self {
        case .normal: "NORMAL"
        case .full: "FULL"
        }
    }
}
