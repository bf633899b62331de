/// The bass line's rhythm under each chord: held roots for slow moods, moving figures to push
/// the energetic ones.
public enum BassPattern: String, Sendable, Hashable, CaseIterable {
    /// The root held for the whole bar.
    case sustained
    /// Root then fifth, half a bar each.
    case halves
    /// Root, a pushed octave, root and fifth: a pop figure.
    case rootOctave
    /// Repeated short eighth-note roots: an ostinato.
    case eighths
    /// Short quarter notes stepping root, fifth, octave, fifth.
    case walk
}
