import AIProdStore
import NIOConcurrencyHelpers

/// Who made a request, once the auth middleware knows. A reference shared by every copy of the
/// request's context, so the outer error middleware (which runs before auth) still audits a
/// 5xx with the token's name.
final class RequestIdentity: Sendable {
    private let box = NIOLockedValueBox<TokenRecord?>(nil)

    var token: TokenRecord? {
        get { box.withLockedValue { $0 } }
        set { box.withLockedValue { $0 = newValue } }
    }
}
