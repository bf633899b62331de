/// A Pexels search reply (photos or videos): decoded strictly, then checked for sense.
protocol PexelsPage: Decodable {
    /// Throws `.malformedReply` when the reply makes no sense (sizes, counts, durations).
    func check(provider: String) throws(ProviderError)
}
