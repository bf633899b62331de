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
