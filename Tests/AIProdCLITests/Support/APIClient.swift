import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A blocking JSON client for the daemon's API over loopback (URLSession, which is libcurl on
/// Linux), as a script with curl would use it. Blocking keeps the crash test a plain sequence.
struct APIClient: Sendable {
    let baseURL: URL
    let token: String

    struct Response: Sendable {
        var status: Int
        var body: Data
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, CustomStringConvertible {
        case transport(String)
        var description: String {
            switch self {
            case .transport(let message): "HTTP request failed: \(message)"
            }
        }
    }

    func get(_ path: String) throws -> Response {
        try send(method: "GET", path: path, body: nil)
    }

    func post(_ path: String, json: [String: Any]) throws -> Response {
        try send(method: "POST", path: path, body: try JSONSerialization.data(withJSONObject: json))
    }

    private func send(method: String, path: String, body: Data?) throws -> Response {
        var request = URLRequest(url: baseURL.appendingPathComponent(path), timeoutInterval: 10)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        done.wait()
        return try box.response()
    }
}

/// Hands a completion handler's values to the waiting thread.
private final class ResponseBox: Sendable {
    private let state = Mutex<(data: Data?, status: Int?, error: (any Error)?)>((nil, nil, nil))

    func set(data: Data?, status: Int?, error: (any Error)?) {
        state.withLock { $0 = (data, status, error) }
    }

    func response() throws -> APIClient.Response {
        let (data, status, error) = state.withLock { $0 }
        guard let status, error == nil else { throw APIClient.Failure.transport(error.map { "\($0)" } ?? "no response") }
        return APIClient.Response(status: status, body: data ?? Data())
    }
}
