import AIProdCore
@testable import AIProdStudio
import Testing

@Suite("Score styles, chords and the seeded random source")
struct ScoreStyleTests {
    @Test("SplitMix64 matches the reference splitmix64.c")
    func splitMixReference() {
        var rng = SplitMix64(seed: 1_234_567)
        #expect((0..<5).map { _ in rng.next() } == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    @Test("seeded draws stay in range and cover it")
    func draws() {
        var rng = SplitMix64(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let value = rng.int(in: -2...3)
            #expect((-2...3).contains(value))
            seen.insert(value)
            let unit = rng.unit()
            #expect(unit >= 0 && unit < 1)
        }
        #expect(seen.count == 6)
        #expect(rng.int(in: 5...5) == 5)
    }

    @Test("numerals name chords relative to the mode")
    func numerals() {
        let minorSix = Chord("VI", in: .minor)!
        #expect(minorSix.root == 8 && minorSix.quality == .major)
        let majorSix = Chord("vi", in: .major)!
        #expect(majorSix.root == 9 && majorSix.quality == .minor)
        #expect(Chord("bII", in: .minor)!.root == 1)
        #expect(Chord("II", in: .phrygian)!.root == 1)
        #expect(Chord("V", in: .harmonicMinor)!.pitchClasses == [7, 11, 2])
        #expect(Chord("vii°", in: .major)!.quality == .diminished)
        #expect(Chord("Vsus", in: .major)!.pitchClasses == [7, 0, 2])
        #expect(Chord("i", in: .dorian)!.isTonic)
        #expect(Chord("VIII", in: .major) == nil)
        #expect(Chord("x", in: .major) == nil)
    }

    @Test("every style's chords belong to its mode (unless marked b or #)", arguments: Mood.allCases)
    func diatonic(mood: Mood) {
        for progression in MoodStyle.style(for: mood).progressions {
            let scale = Set(progression.mode.intervals)
            for chord in progression.chords where !chord.numeral.hasPrefix("b") && !chord.numeral.hasPrefix("#") {
                #expect(chord.pitchClasses.allSatisfy(scale.contains), "\(mood): \(chord) in \(progression.mode)")
            }
            #expect(progression.tonic.isTonic)
        }
    }

    @Test("style table is playable", arguments: Mood.allCases)
    func styleTable(mood: Mood) {
        let style = MoodStyle.style(for: mood)
        #expect(style.tempo.lowerBound >= 50 && style.tempo.upperBound <= 160)
        #expect([3, 4].contains(style.beatsPerBar))
        #expect(!style.keys.isEmpty && style.keys.allSatisfy { (0...11).contains($0) })
        #expect(style.progressions.count >= 3)
        let programs = style.padPrograms + style.layerPrograms + style.bassPrograms + style.leadPrograms
        #expect(programs.allSatisfy { (0...127).contains($0) })
        #expect(!style.padPrograms.isEmpty && !style.bassPrograms.isEmpty && !style.leadPrograms.isEmpty)
        #expect((40...120).contains(style.velocity))
        if case .arpeggio(let perBeat) = style.leadPattern { #expect(12 % perBeat == 0) }
    }

    @Test("mode intervals")
    func modes() {
        for mode in ScaleMode.allCases {
            #expect(mode.intervals.count == 7 && mode.intervals.first == 0)
            #expect(mode.intervals == mode.intervals.sorted())
            #expect(mode.semitones(ofDegree: 7) == 12)
            #expect(mode.semitones(ofDegree: -1) == mode.intervals[6] - 12)
        }
        #expect(!ScaleMode.major.isMinor && ScaleMode.dorian.isMinor && ScaleMode.harmonicMinor.isMinor)
    }
}
