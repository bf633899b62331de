extension ScoreBuilder {
    /// Voicings of each bar's chord, around middle C, each moved to the inversion nearest the
    /// previous one (smooth voice leading: pads that jump sound like a keyboard preset demo).
    func padVoicings() -> [[Int]] {
        var voicings: [[Int]] = []
        var previous: [Int]?
        for chord in chords {
            let classes = pitchClasses(of: chord)
            var candidates: [[Int]] = []
            for inversion in 0..<classes.count {
                let order = Array(classes[inversion...] + classes[..<inversion])
                for octave in [48, 60] {
                    var notes: [Int] = []
                    var floor = octave
                    for pitchClass in order {
                        var note = floor - floor % 12 + pitchClass
                        if note < floor { note += 12 }
                        notes.append(note)
                        floor = note + 1
                    }
                    if notes.allSatisfy({ (50...77).contains($0) }) { candidates.append(notes) }
                }
            }
            let target = previous ?? [57, 60, 64]
            let best = candidates.min { distance($0, target) < distance($1, target) }!
            voicings.append(best)
            previous = best
        }
        return voicings
    }

    private func distance(_ a: [Int], _ b: [Int]) -> Int { zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } }

    /// Each bar's chord held for the whole bar (the last one until the notes stop). A note the
    /// next chord shares is held on rather than struck again: smoother, and every re-strike
    /// leaves a release tail the synthesiser has to keep playing.
    mutating func writeChords(_ voicings: [[Int]], channel: Int, velocity: Int, rng: inout SplitMix64) {
        for (bar, voicing) in voicings.enumerated() {
            for note in voicing where bar == 0 || !voicings[bar - 1].contains(note) {
                var last = bar
                while last + 1 < voicings.count && voicings[last + 1].contains(note) { last += 1 }
                self.note(channel: channel, note: note, velocity: Self.humanize(velocity, spread: 4, &rng),
                          tick: bar * ticksPerBar, length: (last - bar + 1) * ticksPerBar)
            }
        }
    }
}
