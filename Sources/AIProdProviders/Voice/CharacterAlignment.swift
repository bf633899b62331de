/// When each character of the spoken input is heard, as ElevenLabs' `alignment` gives it:
/// parallel arrays of characters and their start and end times in seconds.
///
/// Built only through ``init(characters:starts:ends:provider:)``, which refuses what a hostile
/// reply could hold: arrays of different lengths, more entries than ``maxCharacters``, times
/// that are negative, not finite, beyond ``maxSeconds``, ending before they start, or starting
/// before the previous character.
struct CharacterAlignment: Sendable, Hashable {
    /// The most characters one reply may time (a scene's narration is a few hundred).
    static let maxCharacters = 100_000
    /// The latest time accepted, in seconds (larger values are nonsense, not long speech).
    static let maxSeconds = 86_400.0

    let characters: [String]
    let starts: [Double]
    let ends: [Double]

    init(characters: [String], starts: [Double], ends: [Double], provider: String) throws(ProviderError) {
        func malformed(_ why: String) -> ProviderError {
            ProviderError(.malformedReply, provider: provider, "the character alignment \(why)")
        }
        guard characters.count == starts.count, characters.count == ends.count else {
            throw malformed("has \(characters.count) characters, \(starts.count) start times and \(ends.count) end times")
        }
        guard !characters.isEmpty else { throw malformed("is empty") }
        guard characters.count <= Self.maxCharacters else { throw malformed("has more than \(Self.maxCharacters) characters") }
        var previous = 0.0
        for index in characters.indices {
            let start = starts[index], end = ends[index]
            guard start.isFinite, end.isFinite, start >= 0, end >= 0, start <= Self.maxSeconds, end <= Self.maxSeconds else {
                throw malformed("has an impossible time at character \(index)")
            }
            guard end >= start else { throw malformed("ends character \(index) before it starts") }
            guard start >= previous else { throw malformed("goes back in time at character \(index)") }
            previous = start
        }
        self.characters = characters
        self.starts = starts
        self.ends = ends
    }

    /// The characters joined: the text the timings are for.
    var text: String { characters.joined() }

    /// The last time any character is heard.
    var lastEnd: Double { ends.max() ?? 0 }
}
