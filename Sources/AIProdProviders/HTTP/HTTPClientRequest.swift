import Foundation

/// One outbound request: what ``HTTPClient`` sends.
public struct HTTPClientRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    /// Sent as given; `Content-Length` is set from `body`.
    public var headers: [String: String]
    public var body: Data

    public init(method: String = "GET", url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
