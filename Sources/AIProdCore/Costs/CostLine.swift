/// One priced item of a job: `compute` (units: seconds of this machine), or a remote provider's
/// unit (`llm_tokens`, `tts_characters`, `images`, `video_seconds`, `music_tracks`).
///
/// The Store's `CostItem` has the same three fields; it is defined there, and this Core value
/// converts to it, so that Core stays free of the Store.
public struct CostLine: Codable, Sendable, Hashable {
    public var kind: String
    public var units: Double
    public var usd: Double
    /// The `[provider.NAME]` that prices a remote unit; nil for compute.
    public var provider: String?

    public init(kind: String, units: Double, usd: Double, provider: String? = nil) {
        self.provider = provider
        self.kind = kind
        self.units = units
        self.usd = usd
    }
}
