import AIProdCore
import Foundation

/// Freesound's API v2 search (`kind = freesound`): one search for the effect's words, filtered
/// by duration and by the licences the studio accepts (`licenses`), each result's licence and
/// duration checked again here (a reply that ignores the filter cannot slip a licence through),
/// and the chosen sound's preview (high-quality MP3, else Ogg) downloaded. The key goes in
/// `Authorization: Token KEY`, only to the API's host (previews come from Freesound's CDN,
/// fetched without it). A search costs one `request` unit; the download nothing.
///
/// The search is `GET {url}/apiv2/search/`: Freesound's documentation names it the successor of
/// `/apiv2/search/text/` (deprecated November 2025, now a redirect, which aiprod does not follow).
///
/// Blocking: call it from the job's dedicated thread.
public struct FreesoundClient: Sendable {
    static let pageSize = 15
    /// Most results a reply may list before it is nonsense (Freesound's page_size limit).
    static let maxResults = 150
    /// Freesound orders by relevance; the seed picks among this many of the best eligible.
    static let pickWindow = 5
    /// Durations are stated with rounding; this much outside the bounds still fits.
    static let durationSlack = 0.05

    let transport: ProviderTransport

    public init(transport: ProviderTransport) {
        self.transport = transport
    }

    public var name: String { transport.config.name }

    /// Only licences in transport.config.licenses; duration filter; downloads preview-hq-mp3
    /// (or -ogg). nil: nothing matched.
    public func find(_ query: EffectQuery, session: ProviderSession) throws(ProviderError) -> FoundSound? {
        let name = self.name
        guard query.minSeconds.isFinite, query.maxSeconds.isFinite, query.minSeconds >= 0, query.maxSeconds >= query.minSeconds,
              query.maxSeconds <= 86_400 else {
            throw ProviderError(.unsupported, provider: name, "the effect's duration bounds are not a range")
        }
        let allowed = transport.config.licenses.filter { FreesoundLicense.filterName($0) != nil }
        guard let licenseFilter = FreesoundLicense.filter(allowed) else {
            throw ProviderError(.unsupported, provider: name, "none of the accepted licences is one Freesound offers")
        }
        let request = try search(query, licenseFilter: licenseFilter)
        let page = try transport.exchange(request, purpose: "effect search", session: session, decode: { (response) throws(ProviderError) -> FreesoundPage in
            let page = try JSONReply.decode(FreesoundPage.self, from: response.body, provider: name)
            try page.check(provider: name)
            return page
        }, units: { _ in 1 })
        let eligible = page.results.compactMap { sound -> (FreesoundPage.Sound, MediaLicense, URL)? in
            guard let license = FreesoundLicense.license(of: sound.license), allowed.contains(license),
                  sound.duration >= query.minSeconds - Self.durationSlack, sound.duration <= query.maxSeconds + Self.durationSlack,
                  sound.duration > 0, let preview = ReplyText.url(FreesoundPage.preview(of: sound)) else { return nil }
            return (sound, license, preview)
        }
        guard !eligible.isEmpty else { return nil }
        let window = Array(eligible.prefix(Self.pickWindow))
        let (sound, license, preview) = window[SeededPick.index(count: window.count, seed: query.seed)]
        let data = try transport.download(preview, purpose: "effect download", session: session) { (data) throws(ProviderError) in
            guard let signature = MediaSignature(of: data), signature == .mp3 || signature == .ogg else {
                throw ProviderError(.notAudio, provider: name, "the preview of sound \(sound.id) is not MP3 or Ogg audio")
            }
        }
        let signature = MediaSignature(of: data) ?? .mp3
        let author = ReplyText.clean(sound.username)
        let credit = Credit(
            role: .effect, source: name, kind: ProviderKind.freesound.rawValue, title: ReplyText.clean(sound.name) ?? "Freesound sound \(sound.id)",
            author: author, authorURL: author.flatMap(Self.userPage), license: license, link: ReplyText.link(sound.url))
        return FoundSound(data: data, fileExtension: signature.fileExtension, durationSeconds: sound.duration, credit: credit)
    }

    /// `GET {url}/apiv2/search/?query=&filter=duration:[a TO b] license:(…)&fields=…&page_size=`.
    func search(_ query: EffectQuery, licenseFilter: String) throws(ProviderError) -> HTTPClientRequest {
        let filter = "duration:[\(Self.number(query.minSeconds)) TO \(Self.number(query.maxSeconds))] \(licenseFilter)"
        var components = URLComponents(url: try transport.endpoint("/apiv2/search/"), resolvingAgainstBaseURL: false)
        components?.queryItems = [
            URLQueryItem(name: "query", value: query.searchText), URLQueryItem(name: "filter", value: filter),
            URLQueryItem(name: "fields", value: "id,name,username,license,duration,previews,url"),
            URLQueryItem(name: "page_size", value: String(Self.pageSize)),
        ]
        // URLComponents leaves `+` as is; in a query it would read as a space.
        let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components?.percentEncodedQuery = encoded
        guard let url = components?.url else {
            throw ProviderError(.unsupported, provider: name, "cannot make a search URL of \(transport.config.url)")
        }
        var headers = ["Accept": "application/json"]
        if let key = transport.config.key?.value { headers["Authorization"] = "Token \(key)" }
        return HTTPClientRequest(method: "GET", url: url, headers: headers)
    }

    /// A duration as the filter writes it: at most 3 decimals, no exponent.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1_000).rounded() / 1_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.3f", rounded)
    }

    /// The uploader's page, `https://freesound.org/people/NAME/`.
    static func userPage(_ username: String) -> String? {
        guard let escaped = username.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) else {
            return nil
        }
        return "https://freesound.org/people/\(escaped)/"
    }
}
