/// What a bearer token may do. Ordered: each role can do everything the ones below it can.
public enum TokenRole: String, Codable, Sendable, Comparable, CaseIterable {
    /// Reads jobs, results and assets.
    case viewer
    /// Also submits, cancels, retries and uploads.
    case producer
    /// Also `/admin/*`: tokens, audit, config, the dead letter.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .producer: 1
        case .admin: 2
        }
    }

    public static func < (lhs: TokenRole, rhs: TokenRole) -> Bool { lhs.rank < rhs.rank }
}
