import Foundation

/// A reply, its body cut at the client's `maxResponseBytes`.
public struct HTTPClientResponse: Sendable, Hashable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data
    /// The reply was longer than the cap: `body` holds its first bytes and the transfer was
    /// stopped there. A caller that needs the whole reply (a provider's JSON) treats it as an
    /// error; a webhook ignores it.
    public var truncated: Bool

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), truncated: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.truncated = truncated
    }

    /// 200–299.
    public var isSuccess: Bool { (200...299).contains(status) }
}
