import AIProdCore

/// One piece of the music bed (`media/music.json`): the span of the video it plays under, the
/// mood it was chosen for, and where it came from. A video whose mood changes for long enough
/// has several, crossfaded.
public struct MusicPiece: Codable, Sendable, Hashable {
    public enum Source: String, Codable, Sendable, Hashable {
        /// A file of `[music] library`.
        case library
        /// A `music-http` provider.
        case remote
        /// fluidsynth, from the built-in soundfont.
        case composed
    }

    public var mood: Mood
    /// Seconds from the video's start.
    public var start: Double
    public var end: Double
    public var source: Source
    /// The library file it was cut from; nil otherwise.
    public var file: String?
    public var credit: Credit

    public init(mood: Mood, start: Double, end: Double, source: Source, file: String? = nil, credit: Credit) {
        self.mood = mood
        self.start = start
        self.end = end
        self.source = source
        self.file = file
        self.credit = credit
    }
}
