import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession delegate behind ``HTTPClient``: collects each task's reply up to its cap,
/// refuses redirects, and resumes the task's waiter exactly once (reply, error, cap reached,
/// deadline or cancellation, whichever comes first).
///
/// URLSession calls it on its delegate queue while `send` waits elsewhere, so the table of
/// transfers is behind a lock; a transfer is removed from it when it completes.
final class HTTPTransfers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    typealias Waiter = CheckedContinuation<Result<HTTPClientResponse, HTTPClientError>, Never>

    private struct Transfer {
        var url: String
        var limit: Int
        var waiter: Waiter
        var response: HTTPURLResponse?
        var body = Data()
        var truncated = false
        var timedOut = false
    }

    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    func begin(_ task: URLSessionTask, url: String, limit: Int, waiter: Waiter) {
        lock.withLock { transfers[task.taskIdentifier] = Transfer(url: url, limit: limit, waiter: waiter) }
    }

    /// The deadline passed: stop the transfer and report a timeout (not a cancellation).
    func timeOut(_ task: URLSessionTask) {
        let running = lock.withLock { () -> Bool in
            guard transfers[task.taskIdentifier] != nil else { return false }
            transfers[task.taskIdentifier]?.timedOut = true
            return true
        }
        if running { task.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.withLock { transfers[dataTask.taskIdentifier]?.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let full = lock.withLock { () -> Bool in
            guard var transfer = transfers[dataTask.taskIdentifier] else { return false }
            let room = max(transfer.limit - transfer.body.count, 0)
            if data.count > room {
                transfer.body.append(data.prefix(room))
                transfer.truncated = true
            } else {
                transfer.body.append(data)
            }
            transfers[dataTask.taskIdentifier] = transfer
            return transfer.truncated
        }
        // Past the cap: stop reading; the reply so far is the answer.
        if full { dataTask.cancel() }
    }

    /// Redirects are answered, not followed: a webhook receiver or provider that moves is
    /// reported by its 3xx, and a redirect cannot lead the daemon to another host or scheme.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        let result: Result<HTTPClientResponse, HTTPClientError>
        if transfer.timedOut {
            result = .failure(HTTPClientError(.timedOut, "no complete reply in time", url: transfer.url))
        } else if let response = transfer.response, error == nil || transfer.truncated {
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            result = .success(HTTPClientResponse(status: response.statusCode, headers: headers, body: transfer.body, truncated: transfer.truncated))
        } else if let error = error as? URLError, error.code == .cancelled {
            result = .failure(HTTPClientError(.cancelled, "cancelled", url: transfer.url))
        } else if let error = error as? URLError, error.code == .timedOut {
            result = .failure(HTTPClientError(.timedOut, "no reply in time", url: transfer.url))
        } else {
            result = .failure(HTTPClientError(.transport, error.map { "\($0.localizedDescription)" } ?? "no reply", url: transfer.url))
        }
        transfer.waiter.resume(returning: result)
    }
}
