import AIProdCore

/// Writes a `Score` for a mood: pure, deterministic from the seed, no synthesiser involved.
///
/// The seed picks the progression (and with it the mode), the key, the tempo and the
/// instruments from the mood's `MoodStyle`; each part then draws from its own forked
/// generator. The tempo is nudged so a whole number of bars fills the duration exactly, the
/// piece closes with a cadence (the progression's chord that leads home, then the tonic),
/// and every note is released a little before the end so its tail rings into the fade-out.
public struct ScoreGenerator: Sendable {
    public var sampleRate: Int

    /// Channels of the parts (0-based MIDI channels; drums are on 9).
    public enum Channel {
        public static let pad = 0, bass = 1, lead = 2, layer = 3
    }

    public init(sampleRate: Int = 48_000) {
        self.sampleRate = sampleRate
    }

    /// The score for `mood` in its house style, `duration` long.
    public func score(mood: Mood, duration: Rational, seed: UInt64) -> Score {
        score(style: .style(for: mood), mood: mood, duration: duration, seed: seed)
    }

    /// The score in a given style (`mood` is recorded, and salts the seed).
    public func score(style: MoodStyle, mood: Mood, duration: Rational, seed: UInt64) -> Score {
        var rng = SplitMix64(seed: seed, salt: mood.rawValue)
        let progression = rng.pick(style.progressions)
        let key = rng.pick(style.keys)
        let nominalTempo = rng.int(in: style.tempo)
        let padProgram = rng.pick(style.padPrograms)
        let layerProgram = style.layerPrograms.isEmpty ? nil : rng.pick(style.layerPrograms)
        let bassProgram = rng.pick(style.bassPrograms)
        let leadProgram = rng.pick(style.leadPrograms)

        let sampleCount = max(duration.samples(at: sampleRate), 0)
        let seconds = Double(sampleCount) / Double(sampleRate)
        let bars = max(1, Int((seconds * Double(nominalTempo) / (60 * Double(style.beatsPerBar))).rounded()))
        let tempo = sampleCount > 0 ? Double(bars * style.beatsPerBar) * 60 / seconds : Double(nominalTempo)
        var chords = (0..<bars).map { progression.chords[$0 % progression.chords.count] }
        if bars >= 2 { chords[bars - 2] = progression.approach }
        chords[bars - 1] = progression.tonic

        var builder = ScoreBuilder(
            sampleCount: sampleCount, sampleRate: sampleRate, beatsPerBar: style.beatsPerBar, key: key,
            mode: progression.mode, chords: chords)
        if sampleCount > 0 {
            write(style: style, programs: (padProgram, layerProgram, bassProgram, leadProgram), into: &builder, rng: &rng)
        }
        return Score(
            mood: mood, seed: seed, sampleRate: sampleRate, sampleCount: sampleCount, nominalTempo: nominalTempo,
            tempo: tempo, beatsPerBar: style.beatsPerBar, bars: bars, key: key, progression: progression, chords: chords,
            padProgram: padProgram, layerProgram: layerProgram, bassProgram: bassProgram, leadProgram: leadProgram,
            drums: style.drums, events: builder.sortedEvents(), lastNoteOff: builder.lastNoteOff)
    }

    private func write(
        style: MoodStyle, programs: (pad: Int, layer: Int?, bass: Int, lead: Int), into builder: inout ScoreBuilder,
        rng: inout SplitMix64
    ) {
        var padRNG = rng.fork(), bassRNG = rng.fork(), leadRNG = rng.fork(), drumRNG = rng.fork()
        let velocity = style.velocity
        // Release times (CC 72) are shortened on every part, most on arpeggios and drums: the
        // General MIDI strings, pads, bells and cymbals ring for seconds after release, and
        // those overlapping tails are most of what the synthesiser has to play (and what
        // muddies the next chord).
        builder.setUp(channel: Channel.pad, program: programs.pad, volume: 92, pan: 64, reverb: 70, release: 24)
        builder.setUp(channel: Channel.bass, program: programs.bass, volume: 100, pan: 64, reverb: 20, release: 32)
        let leadRelease = if case .arpeggio = style.leadPattern { 0 } else { 28 }
        builder.setUp(channel: Channel.lead, program: programs.lead, volume: 96, pan: 76, reverb: 60, release: leadRelease)
        let voicings = builder.padVoicings()
        builder.writeChords(voicings, channel: Channel.pad, velocity: velocity - 16, rng: &padRNG)
        if let layer = programs.layer {
            builder.setUp(channel: Channel.layer, program: layer, volume: 80, pan: 50, reverb: 80, release: 24)
            builder.writeChords(voicings, channel: Channel.layer, velocity: velocity - 24, rng: &padRNG)
        }
        builder.writeBass(style.bassPattern, channel: Channel.bass, velocity: velocity - 8, rng: &bassRNG)
        switch style.leadPattern {
        case .arpeggio(let notesPerBeat):
            builder.writeArpeggio(notesPerBeat: notesPerBeat, channel: Channel.lead, velocity: velocity - 6, rng: &leadRNG)
        case .melody:
            builder.writeMelody(channel: Channel.lead, velocity: velocity, rng: &leadRNG)
        }
        if style.drums != .none {
            builder.setUp(channel: NoteEvent.drumChannel, program: 0, volume: 96, pan: 64, reverb: 30, release: 8)
            builder.writeDrums(style.drums, velocity: velocity, rng: &drumRNG)
        }
    }
}
