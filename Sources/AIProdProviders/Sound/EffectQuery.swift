import AIProdCore

/// What a scene's sound effect asks a sound library for: its category, any words that say more,
/// and how long a recording may be.
public struct EffectQuery: Sendable, Hashable {
    public var category: SoundCategory
    /// Extra search words; none: the category's own words are searched.
    public var keywords: [String]
    public var minSeconds: Double
    public var maxSeconds: Double
    /// Picks among equally good results, deterministically.
    public var seed: UInt64

    public init(category: SoundCategory, keywords: [String], minSeconds: Double, maxSeconds: Double, seed: UInt64) {
        self.category = category
        self.keywords = keywords
        self.minSeconds = minSeconds
        self.maxSeconds = maxSeconds
        self.seed = seed
    }

    /// The words searched: the keywords (``SearchWords``), or the category's name as words
    /// (`city traffic`).
    var searchText: String {
        let words = SearchWords.text(keywords)
        return words.isEmpty ? category.rawValue.replacingOccurrences(of: "_", with: " ") : words
    }
}
