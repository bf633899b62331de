extension ScoreBuilder {
    /// The bass line: each bar's root in the low register (A1…G#2) in the style's rhythm;
    /// the last bar holds the tonic.
    mutating func writeBass(_ pattern: BassPattern, channel: Int, velocity: Int, rng: inout SplitMix64) {
        let beat = Self.ticksPerBeat
        for (bar, chord) in chords.enumerated() {
            let root = 33 + (pitchClasses(of: chord)[0] - 9 + 12) % 12
            let fifth = root + 7, octave = root + 12
            let start = bar * ticksPerBar
            var figure: [(tick: Int, length: Int, note: Int, accent: Int)]
            switch bar == bars - 1 ? .sustained : pattern {
            case .sustained:
                figure = [(0, ticksPerBar, root, 0)]
            case .halves:
                figure = beatsPerBar % 2 == 0
                    ? [(0, ticksPerBar / 2, root, 0), (ticksPerBar / 2, ticksPerBar / 2, fifth, -6)]
                    : [(0, ticksPerBar, root, 0)]
            case .rootOctave:
                figure = [(0, beat * 3 / 2, root, 4), (beat * 3 / 2, beat / 2, octave, -4)]
                for extra in 2..<max(beatsPerBar, 2) {
                    figure.append((extra * beat, beat, extra % 2 == 0 ? root : fifth, -2))
                }
            case .eighths:
                figure = (0..<(beatsPerBar * 2)).map { ($0 * beat / 2, beat / 2 - 1, root, $0 % 2 == 0 ? 4 : -6) }
            case .walk:
                figure = (0..<beatsPerBar).map { ($0 * beat, beat * 3 / 4, [root, fifth, octave, fifth][$0 % 4], $0 == 0 ? 4 : 0) }
            }
            for step in figure {
                note(channel: channel, note: step.note, velocity: Self.humanize(velocity + step.accent, spread: 3, &rng),
                     tick: start + step.tick, length: step.length)
            }
        }
    }
}
