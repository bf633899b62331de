import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads a response body as it arrives (what `curl -N` does), for the SSE tests: the chunks come
/// through an AsyncStream that ends when the server closes the body.
final class StreamingClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let continuation: AsyncStream<Data>.Continuation
    let chunks: AsyncStream<Data>
    private var session: URLSession?

    init(port: Int, path: String, token: String) {
        (chunks, continuation) = AsyncStream<Data>.makeStream()
        super.init()
        let session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        self.session = session
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 30)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        session.dataTask(with: request).resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        continuation.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish()
        session.finishTasksAndInvalidate()
    }
}
