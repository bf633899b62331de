/// A sound effect a scene calls for: which kind, the word that called for it, and where in the
/// scene's narration that word falls (its index among the scene's words), so the director can
/// place the effect when the word is spoken.
public struct SoundCue: Codable, Sendable, Hashable {
    public var category: SoundCategory
    public var keyword: String
    public var wordIndex: Int

    public init(category: SoundCategory, keyword: String, wordIndex: Int) {
        self.category = category
        self.keyword = keyword
        self.wordIndex = wordIndex
    }
}

extension SoundCue {
    /// `word_index` through `decodeInteger`, so that `1e300` names its field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(SoundCategory.self, forKey: .category)
        keyword = try c.decode(String.self, forKey: .keyword)
        wordIndex = try c.decodeInteger(Int.self, forKey: .wordIndex)
    }
}
