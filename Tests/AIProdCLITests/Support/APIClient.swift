import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A JSON client for the daemon's API over loopback (URLSession, which is libcurl on Linux), as
/// a script with curl would use it. Async, so a test waiting on the daemon holds no thread.
struct APIClient: Sendable {
    let baseURL: URL
    let token: String

    struct Response: Sendable {
        var status: Int
        var body: Data
        var headers: [String: String] = [:]
        var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Response {
        try await send(method: "GET", path: path, body: nil, headers: headers)
    }

    func post(_ path: String, json: [String: Any], headers: [String: String] = [:]) async throws -> Response {
        try await send(method: "POST", path: path, body: try JSONSerialization.data(withJSONObject: json), headers: headers)
    }

    private func send(method: String, path: String, body: Data?, headers: [String: String]) async throws -> Response {
        var request = URLRequest(url: baseURL.appendingPathComponent(path), timeoutInterval: 10)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
        }
        return Response(status: http?.statusCode ?? 0, body: data, headers: fields)
    }
}
