/// One espeak-ng `espeakEVENT_WORD`: where a word starts in the text and in the audio.
struct EspeakWordEvent: Sendable, Hashable {
    /// The word's first character, 1-based, counted in Unicode scalars of the UTF-8 input (as
    /// espeak-ng counts; checked: "Héllo wörld" puts "wörld" at 7, not at the byte offset 8).
    var textPosition: Int
    /// The word's length in characters as espeak-ng saw it (0 for some words, so unused).
    var length: Int
    /// The sample at espeak-ng's own rate where the word starts: the event's `sample`, which
    /// counts from the start of this synthesis (`audio_position` is the same, rounded to ms).
    var sample: Int64
}
