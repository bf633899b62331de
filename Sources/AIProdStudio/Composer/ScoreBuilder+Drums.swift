extension ScoreBuilder {
    /// General MIDI drum-kit notes used here.
    private enum Drum {
        static let kick = 36, snare = 38, closedHat = 42, openHat = 46, crash = 49
        static let lowTom = 41, midTom = 45, highTom = 48
    }

    /// The kit on channel 10: the style's groove in every bar but the last, which gets one
    /// crash and kick on its downbeat to close.
    mutating func writeDrums(_ style: DrumStyle, velocity: Int, rng: inout SplitMix64) {
        guard style != .none else { return }
        let beat = Self.ticksPerBeat
        let syncopated = rng.chance(0.5)
        for bar in 0..<bars {
            let start = bar * ticksPerBar
            var hits: [(tick: Int, drum: Int, velocity: Int)] = []
            if bar == bars - 1 {
                hits = style == .pulse ? [(0, Drum.kick, velocity - 10)] : [(0, Drum.kick, velocity), (0, Drum.crash, velocity - 10)]
            } else {
                switch style {
                case .none:
                    break
                case .pulse:
                    for b in 0..<beatsPerBar {
                        hits.append((b * beat, Drum.kick, velocity - (b == 0 ? 16 : 28)))
                        hits.append((b * beat + beat / 2, Drum.closedHat, velocity - 50))
                    }
                case .backbeat:
                    for b in 0..<beatsPerBar {
                        hits.append((b * beat, b % 2 == 0 ? Drum.kick : Drum.snare, velocity - (b == 0 ? 0 : 8)))
                        hits.append((b * beat, Drum.closedHat, velocity - 30))
                        hits.append((b * beat + beat / 2, b == beatsPerBar - 1 && bar % 4 == 3 ? Drum.openHat : Drum.closedHat, velocity - 40))
                    }
                    if syncopated && beatsPerBar >= 4 { hits.append((2 * beat + beat / 2, Drum.kick, velocity - 16)) }
                    if bar % 4 == 0 { hits.append((0, Drum.crash, velocity - 20)) }
                case .epic:
                    for b in 0..<beatsPerBar {
                        hits.append((b * beat, b % 2 == 0 ? Drum.kick : Drum.snare, velocity - (b == 0 ? 0 : 10)))
                        if b % 2 == 1 { hits.append((b * beat, Drum.lowTom, velocity - 14)) }
                    }
                    hits.append((beat + beat / 2, Drum.kick, velocity - 18))
                    if bar % 4 == 0 { hits.append((0, Drum.crash, velocity - 12)) }
                    if bar % 4 == 3 {
                        let last = (beatsPerBar - 1) * beat
                        for (index, tom) in [Drum.highTom, Drum.midTom, Drum.lowTom, Drum.lowTom].enumerated() {
                            hits.append((last + index * beat / 4, tom, velocity - 16 + index * 4))
                        }
                    }
                }
            }
            for hit in hits {
                note(channel: NoteEvent.drumChannel, note: hit.drum, velocity: Self.humanize(hit.velocity, spread: 4, &rng),
                     tick: start + hit.tick, length: beat / 4)
            }
        }
    }
}
