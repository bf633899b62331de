import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Outbound HTTP for the daemon (webhooks now, remote AI providers later) over URLSession,
/// which on Linux is FoundationNetworking's libcurl: the transfer runs on URLSession's own
/// thread, and `send` suspends without holding a thread of the cooperative pool.
///
/// Every request has a total deadline (not only an idle timeout), a cap on the reply's size,
/// no redirects followed, no cookies and no cache; only `http` and `https` URLs are sent.
public final class HTTPClient: Sendable {
    /// Seconds one request may take from connecting to the last byte.
    public let timeoutSeconds: Double
    /// Bytes of a reply kept; the transfer stops past them (``HTTPClientResponse/truncated``).
    public let maxResponseBytes: Int
    private let session: URLSession
    private let transfers: HTTPTransfers

    public init(timeoutSeconds: Double = 30, maxResponseBytes: Int = 1 << 20, userAgent: String = "aiprod") {
        self.timeoutSeconds = timeoutSeconds.isFinite && timeoutSeconds > 0 ? timeoutSeconds : 30
        self.maxResponseBytes = max(maxResponseBytes, 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = self.timeoutSeconds
        configuration.timeoutIntervalForResource = self.timeoutSeconds
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent]
        transfers = HTTPTransfers()
        session = URLSession(configuration: configuration, delegate: transfers, delegateQueue: nil)
    }

    deinit {
        // The session holds its delegate until invalidated.
        session.invalidateAndCancel()
    }

    /// Checks that `text` is an absolute `http`/`https` URL with a host.
    public static func validate(_ text: String) throws(HTTPClientError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            throw HTTPClientError(.unsupportedURL, "only absolute http and https URLs are allowed", url: text)
        }
        return url
    }

    /// Sends `request` and returns the reply, whatever its status. Throws when there is none:
    /// an unsupported URL, a timeout, a transport failure, or the calling task's cancellation.
    public func send(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPClientResponse {
        let url = try Self.validate(request.url.absoluteString)
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeoutSeconds)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        if !request.body.isEmpty || request.method != "GET" {
            urlRequest.httpBody = request.body
            urlRequest.setValue(String(request.body.count), forHTTPHeaderField: "Content-Length")
        }
        let task = session.dataTask(with: urlRequest)
        let transfers = self.transfers, limit = maxResponseBytes, text = url.absoluteString
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: HTTPTransfers.Waiter) in
                transfers.begin(task, url: text, limit: limit, waiter: waiter)
                DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) { [weak transfers] in
                    transfers?.timeOut(task)
                }
                task.resume()
                if Task.isCancelled { task.cancel() }
            }
        } onCancel: {
            task.cancel()
        }
        return try result.get()
    }
}
