/// One remote image API: how to have it make a picture. A value type per API
/// (``OpenAIImagesAPI``, ``A1111API``, ``ComfyUIAPI``); ``RemoteImages`` checks the request
/// and dispatches to the configured one.
protocol ImageAPI: Sendable {
    func generate(_ request: ImageRequest, transport: ProviderTransport, session: ProviderSession) throws(ProviderError) -> GeneratedImage
}

extension ImageAPI {
    /// The JSON headers, with the key as a bearer token when the section has one.
    func headers(_ transport: ProviderTransport) -> [String: String] {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = transport.config.key { headers["Authorization"] = "Bearer \(key.value)" }
        return headers
    }
}
