import NIOConcurrencyHelpers

/// Requests answered, by status code, for `/metrics`. A lock, not an actor: counting must not
/// add a suspension point to every request.
final class RequestCounter: Sendable {
    private let counts = NIOLockedValueBox<[Int: Int]>([:])

    func count(status: Int) {
        counts.withLockedValue { $0[status, default: 0] += 1 }
    }

    var snapshot: [Int: Int] { counts.withLockedValue { $0 } }
}
