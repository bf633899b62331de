extension ScoreBuilder {
    /// Broken chords over each bar, from D4 up about an octave and a half; the last bar holds
    /// the tonic.
    mutating func writeArpeggio(notesPerBeat: Int, channel: Int, velocity: Int, rng: inout SplitMix64) {
        let step = Self.ticksPerBeat / notesPerBeat
        let fallsBack = rng.chance(0.5)
        for (bar, chord) in chords.enumerated() {
            let start = bar * ticksPerBar
            if bar == bars - 1 {
                note(channel: channel, note: nearest(pitchClass: key, to: 69), velocity: velocity, tick: start, length: ticksPerBar)
                continue
            }
            let classes = pitchClasses(of: chord)
            let tones = (62...81).filter { classes.contains($0 % 12) }
            let cycle = fallsBack && tones.count > 2 ? tones + tones.dropFirst().dropLast().reversed() : tones
            for index in 0..<(beatsPerBar * notesPerBeat) {
                let accent = index % notesPerBeat == 0 ? 6 : 0
                note(channel: channel, note: cycle[index % cycle.count], velocity: Self.humanize(velocity + accent, spread: 4, &rng),
                     tick: start + index * step, length: step)
            }
        }
    }

    /// A simple tune: a two-bar rhythm repeated, pitches walking the scale by step, chord
    /// tones on the strong beats, never a semitone against the chord; it ends on the tonic.
    mutating func writeMelody(channel: Int, velocity: Int, rng: inout SplitMix64) {
        let rhythms = [barRhythm(&rng, opening: true), barRhythm(&rng, opening: false)]
        let scale = (62...81).filter { scalePitchClasses.contains($0 % 12) }
        var current = nearest(pitchClass: pitchClasses(of: chords[0]).first!, to: 69)
        for (bar, chord) in chords.enumerated() {
            let start = bar * ticksPerBar
            if bar == bars - 1 {
                note(channel: channel, note: nearest(pitchClass: key, to: current), velocity: velocity, tick: start, length: ticksPerBar)
                continue
            }
            let classes = pitchClasses(of: chord)
            let chordTones = (60...84).filter { classes.contains($0 % 12) }
            for (tick, length, rest) in rhythms[bar % 2] {
                if rest { continue }
                let strong = tick % (2 * Self.ticksPerBeat) == 0
                if strong {
                    let target = current + rng.pick([-3, -2, 0, 2, 3])
                    current = chordTones.min { abs($0 - target) < abs($1 - target) }!
                } else {
                    let index = scale.firstIndex { $0 >= current } ?? scale.count - 1
                    let moved = scale[min(max(index + rng.pick([-2, -1, -1, 1, 1, 2]), 0), scale.count - 1)]
                    let clashes = classes.contains { tone in
                        let interval = ((tone - moved) % 12 + 12) % 12
                        return interval == 1 || interval == 11
                    }
                    current = clashes ? chordTones.min { abs($0 - moved) < abs($1 - moved) }! : moved
                }
                note(channel: channel, note: current, velocity: Self.humanize(velocity + (strong ? 4 : -2), spread: 4, &rng),
                     tick: start + tick, length: length)
            }
        }
    }

    /// One bar of melody rhythm built beat by beat: quarters, eighth pairs, dotted figures,
    /// halves and the odd rest (never on the opening downbeat).
    private func barRhythm(_ rng: inout SplitMix64, opening: Bool) -> [(tick: Int, length: Int, rest: Bool)] {
        let beat = Self.ticksPerBeat
        var cells: [(Int, Int, Bool)] = []
        var position = 0
        while position < ticksPerBar {
            let twoLeft = ticksPerBar - position >= 2 * beat
            let roll = rng.unit()
            if twoLeft && roll < 0.25 {
                cells.append((position, 2 * beat, false)); position += 2 * beat
            } else if twoLeft && roll < 0.4 {
                cells.append((position, beat * 3 / 2, false)); cells.append((position + beat * 3 / 2, beat / 2, false)); position += 2 * beat
            } else if roll < 0.6 {
                cells.append((position, beat / 2, false)); cells.append((position + beat / 2, beat / 2, false)); position += beat
            } else {
                let rest = roll > 0.92 && !(opening && position == 0)
                cells.append((position, beat, rest)); position += beat
            }
        }
        return cells
    }

    /// The note of `pitchClass` nearest `target`.
    func nearest(pitchClass: Int, to target: Int) -> Int {
        let below = target - ((target - pitchClass) % 12 + 12) % 12
        return target - below <= below + 12 - target ? below : below + 12
    }
}
