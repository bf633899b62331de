import AIProdCore

/// A whole piece, written out: the choices made for it and every event, in play order.
///
/// This is the pure half of the composer. Everything musical is decided here, from the mood
/// and the seed alone, so it can be tested without a synthesiser and so two renders of the
/// same score differ only if the synthesiser does.
public struct Score: Sendable, Hashable {
    public var mood: Mood
    public var seed: UInt64
    public var sampleRate: Int
    /// Length in samples per channel: what the rendered audio must hold exactly.
    public var sampleCount: Int64
    /// The tempo the style picked, in beats per minute.
    public var nominalTempo: Int
    /// The tempo actually played: `nominalTempo` nudged so whole bars fill `sampleCount`.
    public var tempo: Double
    public var beatsPerBar: Int
    public var bars: Int
    /// Tonic pitch class, 0 = C.
    public var key: Int
    public var progression: Progression
    /// The chord of each bar; the last is the tonic.
    public var chords: [Chord]
    public var padProgram: Int
    public var layerProgram: Int?
    public var bassProgram: Int
    public var leadProgram: Int
    public var drums: DrumStyle
    /// Sorted by sample, then setup before notes, releases before strikes.
    public var events: [NoteEvent]
    /// No note sounds after this sample: the last releases ring out under the fade.
    public var lastNoteOff: Int64

    /// The key as a name, e.g. "D minor", "A dorian".
    public var keyName: String {
        let names = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        return "\(names[key]) \(progression.mode.rawValue)"
    }
}
