import AIProdCore
import Foundation

/// Pexels' photo and video search (`kind = pexels`): one search per kind of media asked
/// (videos first when the scene wants motion, then photos), the best result for the frame
/// chosen here, and its file downloaded through the transport (held to https; the key is sent
/// only to the API's own host, never to the CDN). A search costs one `request` unit; the
/// download costs nothing.
///
/// Blocking: call it from the job's dedicated thread.
public struct PexelsClient: Sendable {
    /// Results asked per search (Pexels allows up to 80).
    static let perPage = 15
    /// Most results a reply may list before it is nonsense.
    static let maxResults = 80
    /// Widths and heights a real photo or video can have.
    static let sizeRange = 1...100_000

    let transport: ProviderTransport

    public init(transport: ProviderTransport) {
        self.transport = transport
    }

    public var name: String { transport.config.name }

    /// nil: nothing matched (not an error: the scene falls back).
    public func find(_ query: StockQuery, session: ProviderSession) throws(ProviderError) -> StockMedia? {
        let text = query.searchText
        guard !text.isEmpty else { return nil }
        if query.video, let found = try findVideo(query, text: text, session: session) { return found }
        return try findPhoto(query, text: text, session: session)
    }

    func findPhoto(_ query: StockQuery, text: String, session: ProviderSession) throws(ProviderError) -> StockMedia? {
        let name = self.name
        let page: PexelsPhotoPage = try searched("/v1/search", text: text, query: query, size: Self.photoSize(query), session: session)
        guard let (photo, link) = page.best(for: query) else { return nil }
        let data = try download(link, what: "photo \(photo.id)", session: session) { $0.isPicture }
        let credit = Credit(
            role: .visual, source: name, kind: ProviderKind.pexels.rawValue,
            title: ReplyText.clean(photo.alt) ?? "Pexels photo \(photo.id)", author: ReplyText.clean(photo.photographer),
            authorURL: ReplyText.link(photo.photographer_url), license: .pexels, link: ReplyText.link(photo.url))
        return StockMedia(data: data.bytes, isVideo: false, fileExtension: data.signature.fileExtension, durationSeconds: nil, credit: credit)
    }

    func findVideo(_ query: StockQuery, text: String, session: ProviderSession) throws(ProviderError) -> StockMedia? {
        let name = self.name
        let page: PexelsVideoPage = try searched("/videos/search", text: text, query: query, size: Self.videoSize(query), session: session)
        guard let (video, file) = page.best(for: query) else { return nil }
        let data = try download(file.link, what: "video \(video.id)", session: session) { $0.isVideo }
        let credit = Credit(
            role: .visual, source: name, kind: ProviderKind.pexels.rawValue, title: "Pexels video \(video.id)",
            author: ReplyText.clean(video.user?.name), authorURL: ReplyText.link(video.user?.url), license: .pexels,
            link: ReplyText.link(video.url))
        return StockMedia(data: data.bytes, isVideo: true, fileExtension: data.signature.fileExtension, durationSeconds: video.duration, credit: credit)
    }

    /// One search, decoded and checked; one `request` unit.
    func searched<Page: PexelsPage>(_ path: String, text: String, query: StockQuery, size: String,
                                    session: ProviderSession) throws(ProviderError) -> Page {
        let name = self.name
        let request = try search(path, text: text, query: query, size: size)
        return try transport.exchange(request, purpose: "stock search", session: session, decode: { (response) throws(ProviderError) -> Page in
            let page = try JSONReply.decode(Page.self, from: response.body, provider: name)
            try page.check(provider: name)
            return page
        }, units: { _ in 1 })
    }

    /// `GET {url}{path}?query=&orientation=&size=&per_page=` with the key in `Authorization`.
    func search(_ path: String, text: String, query: StockQuery, size: String) throws(ProviderError) -> HTTPClientRequest {
        var components = URLComponents(url: try transport.endpoint(path), resolvingAgainstBaseURL: false)
        components?.queryItems = [
            URLQueryItem(name: "query", value: text), URLQueryItem(name: "orientation", value: query.orientation.rawValue),
            URLQueryItem(name: "size", value: size), URLQueryItem(name: "per_page", value: String(Self.perPage)),
        ]
        guard let url = components?.url else {
            throw ProviderError(.unsupported, provider: name, "cannot make a search URL of \(transport.config.url)")
        }
        var headers = ["Accept": "application/json"]
        if let key = transport.config.key?.value { headers["Authorization"] = key }
        return HTTPClientRequest(method: "GET", url: url, headers: headers)
    }

    /// Downloads `link` (from the reply) and checks it is the media asked for.
    func download(_ link: String, what: String, session: ProviderSession,
                  accept: (MediaSignature) -> Bool) throws(ProviderError) -> (bytes: Data, signature: MediaSignature) {
        let name = self.name
        guard let url = ReplyText.url(link) else {
            throw ProviderError(.malformedReply, provider: name, "refused to download \(what): its link is not an absolute URL")
        }
        let bytes = try transport.download(url, purpose: "stock download", session: session) { (data) throws(ProviderError) in
            guard let signature = MediaSignature(of: data), accept(signature) else {
                throw ProviderError(.malformedReply, provider: name, "the file of \(what) is not the picture or video it should be")
            }
        }
        // The check above accepted it, so the signature is there.
        guard let signature = MediaSignature(of: bytes) else {
            throw ProviderError(.malformedReply, provider: name, "the file of \(what) is not media")
        }
        return (bytes, signature)
    }

    /// Pexels' photo `size` is a minimum: small 4 MP, medium 12 MP, large 24 MP.
    static func photoSize(_ query: StockQuery) -> String {
        let pixels = Double(max(query.minWidth, 0)) * Double(max(query.minHeight, 0))
        return pixels > 12e6 ? "large" : pixels > 4e6 ? "medium" : "small"
    }

    /// Pexels' video `size` is a minimum: small HD, medium Full HD, large 4K.
    static func videoSize(_ query: StockQuery) -> String {
        let pixels = Double(max(query.minWidth, 0)) * Double(max(query.minHeight, 0))
        return pixels > 1_920 * 1_080 ? "large" : pixels > 1_280 * 720 ? "medium" : "small"
    }
}
