import AIProdCore

/// How a mood sounds: the musical choices the score generator draws from, seeded.
///
/// Kept as plain data, apart from the generator, so the table can be read, documented and
/// tested on its own (and a style tuned without touching the note-writing code).
/// Programs are General MIDI numbers, 0-based (0 acoustic piano, 48 strings, 88–95 pads).
public struct MoodStyle: Sendable, Hashable {
    /// Beats per minute the piece is chosen around; the generator then nudges it so a whole
    /// number of bars fills the duration exactly.
    public var tempo: ClosedRange<Int>
    public var beatsPerBar: Int
    /// Tonic pitch classes to choose from (0 = C … 11 = B).
    public var keys: [Int]
    /// Chord patterns, each in its own mode.
    public var progressions: [Progression]
    /// Sustained chords under everything (channel 1).
    public var padPrograms: [Int]
    /// A second instrument doubling the pad chords (choir under epic strings); empty: none.
    public var layerPrograms: [Int]
    public var bassPrograms: [Int]
    public var bassPattern: BassPattern
    public var leadPrograms: [Int]
    public var leadPattern: LeadPattern
    public var drums: DrumStyle
    /// MIDI velocity of the lead and drums; pad and bass sit a little below.
    public var velocity: Int

    public init(
        tempo: ClosedRange<Int>, beatsPerBar: Int = 4, keys: [Int], progressions: [Progression],
        padPrograms: [Int], layerPrograms: [Int] = [], bassPrograms: [Int], bassPattern: BassPattern,
        leadPrograms: [Int], leadPattern: LeadPattern, drums: DrumStyle, velocity: Int
    ) {
        precondition(tempo.lowerBound > 0 && beatsPerBar > 0, "a style needs a positive tempo and bar length")
        precondition(!keys.isEmpty && !progressions.isEmpty && !padPrograms.isEmpty && !bassPrograms.isEmpty && !leadPrograms.isEmpty,
                     "a style needs at least one key, progression and program per part")
        self.tempo = tempo
        self.beatsPerBar = beatsPerBar
        self.keys = keys
        self.progressions = progressions
        self.padPrograms = padPrograms
        self.layerPrograms = layerPrograms
        self.bassPrograms = bassPrograms
        self.bassPattern = bassPattern
        self.leadPrograms = leadPrograms
        self.leadPattern = leadPattern
        self.drums = drums
        self.velocity = velocity
    }

    /// The modes this style writes in.
    public var modes: [ScaleMode] {
        var seen: [ScaleMode] = []
        for progression in progressions where !seen.contains(progression.mode) { seen.append(progression.mode) }
        return seen
    }
}
