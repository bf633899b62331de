/// The score being written: the bar grid, the chords, and the events so far.
///
/// The grid is in ticks (12 to a beat: eighths, triplets and sixteenths all land on whole
/// ticks) and a tick becomes a sample once, by exact integer arithmetic, so bar lines never
/// drift and the last bar ends on the piece's last sample. Every note passes through
/// `note(…)`, which clamps it to end by `lastNoteOff`: whatever a part writes, nothing is
/// still held when the piece ends.
struct ScoreBuilder {
    static let ticksPerBeat = 12

    let sampleCount: Int64
    let beatsPerBar: Int
    let key: Int
    let mode: ScaleMode
    let chords: [Chord]
    let lastNoteOff: Int64
    /// Notes clamped shorter than this are dropped rather than clicked.
    let minimumLength: Int64
    private let totalTicks: Int64
    private var events: [(event: NoteEvent, order: Int)] = []

    init(sampleCount: Int64, sampleRate: Int, beatsPerBar: Int, key: Int, mode: ScaleMode, chords: [Chord]) {
        self.sampleCount = sampleCount
        self.beatsPerBar = beatsPerBar
        self.key = key
        self.mode = mode
        self.chords = chords
        self.totalTicks = Int64(chords.count * beatsPerBar * Self.ticksPerBeat)
        let tail = min(Int64(sampleRate) * 3 / 4, sampleCount / 8)
        self.lastNoteOff = sampleCount - tail
        self.minimumLength = max(1, min(Int64(sampleRate / 50), sampleCount / 50))
    }

    var bars: Int { chords.count }
    var ticksPerBar: Int { beatsPerBar * Self.ticksPerBeat }

    /// The sample a tick falls on: exact, rounded down once.
    func sample(atTick tick: Int) -> Int64 { Int64(tick) * sampleCount / totalTicks }

    /// Absolute pitch classes (0 = C) of a chord's notes in this key, root first.
    func pitchClasses(of chord: Chord) -> [Int] { chord.pitchClasses.map { ($0 + key) % 12 } }

    /// Absolute pitch classes of the key's scale.
    var scalePitchClasses: [Int] { mode.intervals.map { ($0 + key) % 12 } }

    /// Sets a channel's instrument and mix at the start. `release` is MIDI CC 72 (release
    /// time; 64 leaves the instrument's own, 0 is about a quarter of it).
    mutating func setUp(channel: Int, program: Int, volume: Int, pan: Int, reverb: Int, release: Int = 64) {
        append(NoteEvent(sample: 0, channel: channel, kind: .programChange(program: program)))
        for (controller, value) in [(7, volume), (10, pan), (91, reverb), (72, release)] {
            append(NoteEvent(sample: 0, channel: channel, kind: .controlChange(controller: controller, value: value)))
        }
    }

    /// A note from `tick` lasting `length` ticks, cut at `lastNoteOff`, dropped if that
    /// leaves too little of it.
    mutating func note(channel: Int, note: Int, velocity: Int, tick: Int, length: Int) {
        let on = sample(atTick: tick)
        let off = min(sample(atTick: tick + length), lastNoteOff)
        guard off - on >= minimumLength, (0...127).contains(note) else { return }
        let velocity = min(max(velocity, 1), 127)
        append(NoteEvent(sample: on, channel: channel, kind: .noteOn(note: note, velocity: velocity)))
        append(NoteEvent(sample: off, channel: channel, kind: .noteOff(note: note)))
    }

    private mutating func append(_ event: NoteEvent) { events.append((event, events.count)) }

    /// The events in play order: by sample, then setup before notes and releases before
    /// strikes, then the order written (a total order, so sorting is deterministic).
    func sortedEvents() -> [NoteEvent] {
        events.sorted { a, b in
            if a.event.sample != b.event.sample { return a.event.sample < b.event.sample }
            if a.event.kind.rank != b.event.kind.rank { return a.event.kind.rank < b.event.kind.rank }
            return a.order < b.order
        }.map(\.event)
    }

    /// A velocity around `base`, varied by up to `spread` either way so repeated notes breathe.
    static func humanize(_ base: Int, spread: Int, _ rng: inout SplitMix64) -> Int {
        base + rng.int(in: -spread...spread)
    }
}
