/// What the top voice plays over the pad: a broken chord, or a simple tune.
public enum LeadPattern: Sendable, Hashable {
    /// Chord tones over about an octave and a half, `notesPerBeat` to a beat (2 eighths,
    /// 3 triplets, 4 sixteenths), rising or rising-and-falling.
    case arpeggio(notesPerBeat: Int)
    /// A stepwise tune from the mode's scale, landing on chord tones on strong beats, with a
    /// two-bar rhythm that repeats.
    case melody
}
