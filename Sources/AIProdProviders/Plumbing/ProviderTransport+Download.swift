import AIProdCore
import Foundation

extension ProviderTransport {
    /// Fetches a file a provider's answer points to (a generated video, a stock photo, a sound's
    /// preview) through the same breaker, gate, retries, cap and cache as a call, recorded as a
    /// call of `purpose` costing nothing (the search or the task that found it is what is paid).
    ///
    /// The URL comes from a hostile reply, so it is held to the provider: `https` anywhere, or
    /// the scheme, host and port of the provider's own `url` (a LAN server over `http`). No key
    /// is sent with it unless it is on the provider's own host, and redirects are not followed.
    /// `check` validates the bytes (a file that is not the media asked for is not cached).
    public func download(
        _ url: URL, purpose: String, session: ProviderSession, check: (Data) throws(ProviderError) -> Void = { _ in }
    ) throws(ProviderError) -> Data {
        guard isAllowedDownload(url) else {
            throw ProviderError(.malformedReply, provider: config.name,
                                "refused to download \(Self.describe(url)): only https, or the provider's own http host")
        }
        var headers: [String: String] = [:]
        if isProviderHost(url), let key = config.key?.value { headers = downloadHeaders(key: key) }
        let request = HTTPClientRequest(method: "GET", url: url, headers: headers)
        return try exchange(request, purpose: purpose, session: session, decode: { (response) throws(ProviderError) -> Data in
            guard !response.body.isEmpty else {
                throw ProviderError(.malformedReply, provider: config.name, "the download of \(Self.describe(url)) is empty")
            }
            try check(response.body)
            return response.body
        }, units: { _ in 0 })
    }

    /// `https`, or the provider's own scheme, host and port.
    func isAllowedDownload(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty, url.user == nil, url.password == nil else { return false }
        return scheme == "https" || isProviderHost(url)
    }

    /// Same scheme, host and port as the provider's configured URL.
    func isProviderHost(_ url: URL) -> Bool {
        guard let base = URL(string: config.url) else { return false }
        func port(_ url: URL) -> Int? { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : url.scheme?.lowercased() == "http" ? 80 : nil) }
        return url.scheme?.lowercased() == base.scheme?.lowercased() && url.host?.lowercased() == base.host?.lowercased()
            && port(url) == port(base)
    }

    /// The key's header, the way each API takes it.
    func downloadHeaders(key: String) -> [String: String] {
        switch config.kind {
        case .pexels: ["Authorization": key]
        case .freesound: ["Authorization": "Token \(key)"]
        case .elevenLabs: ["xi-api-key": key]
        case .googleTTS: ["X-Goog-Api-Key": key]
        default: ["Authorization": "Bearer \(key)"]
        }
    }

    /// The URL without its query (signed URLs carry tokens there), for messages.
    static func describe(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.fragment = nil
        return String((components?.string ?? "(a URL)").prefix(200))
    }
}
