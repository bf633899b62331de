import AIProdCore

/// One sound effect ready to place on the timeline: which file, what it is, where it came from
/// (so a storyboard can say "synthesised" and a studio knows what to add to its library), and
/// how long it plays.
public struct SoundEffect: Codable, Sendable, Hashable {
    /// Where the file came from.
    public enum Source: String, Codable, Sendable, Hashable {
        /// A file of the studio's sound library, used as it is.
        case library
        /// A WAV made by `EffectSynthesiser` because the library had nothing for the category.
        case synthesised
        /// A recording found by an effects provider (Freesound), decoded into the job's folder.
        case remote
    }

    /// The file to play: a library file in place, or a synthesised WAV in the job's directory.
    public var path: String
    public var category: SoundCategory
    public var source: Source
    public var durationSeconds: Double
    /// Who recorded it, on what terms (a remote effect); nil for library and synthesised ones.
    public var credit: Credit?

    public init(path: String, category: SoundCategory, source: Source, durationSeconds: Double, credit: Credit? = nil) {
        self.path = path
        self.category = category
        self.source = source
        self.durationSeconds = durationSeconds
        self.credit = credit
    }
}
