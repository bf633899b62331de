/// What a scene asks a stock library for: its keywords, the frame it must fill, and whether a
/// video would do better than a photo.
public struct StockQuery: Sendable, Hashable {
    public var keywords: [String]
    public var orientation: StockOrientation
    /// The frame the media must cover without upscaling.
    public var minWidth: Int
    public var minHeight: Int
    /// true: videos first, then photos; false: photos only.
    public var video: Bool
    /// Videos at least this long are preferred (the scene's length).
    public var minSeconds: Double
    /// Picks among equally good results, deterministically.
    public var seed: UInt64

    public init(keywords: [String], orientation: StockOrientation, minWidth: Int, minHeight: Int, video: Bool, minSeconds: Double, seed: UInt64) {
        self.keywords = keywords
        self.orientation = orientation
        self.minWidth = minWidth
        self.minHeight = minHeight
        self.video = video
        self.minSeconds = minSeconds
        self.seed = seed
    }

    /// The keywords as one search (``SearchWords``); empty: nothing to search.
    var searchText: String { SearchWords.text(keywords) }
}
