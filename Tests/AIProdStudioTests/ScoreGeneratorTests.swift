import AIProdCore
@testable import AIProdStudio
import Testing

@Suite("Score generator")
struct ScoreGeneratorTests {
    let generator = ScoreGenerator()

    @Test("same seed, same score; another seed, another score", arguments: Mood.allCases)
    func deterministic(mood: Mood) {
        let a = generator.score(mood: mood, duration: Rational(20), seed: 42)
        let b = generator.score(mood: mood, duration: Rational(20), seed: 42)
        let c = generator.score(mood: mood, duration: Rational(20), seed: 43)
        let same = a == b, differs = a.events != c.events
        #expect(same)
        #expect(!a.events.isEmpty)
        #expect(differs)
    }

    @Test("the score lasts exactly the duration, fractional ones included")
    func exactLength() {
        for duration in [Rational(12345, 1000), Rational(3), Rational(1, 3), Rational(7, 48000), Rational(61)] {
            let score = generator.score(mood: .uplifting, duration: duration, seed: 1)
            #expect(score.sampleCount == duration.samples(at: 48000))
            #expect(score.events.allSatisfy { $0.sample >= 0 && $0.sample <= score.sampleCount })
        }
        #expect(generator.score(mood: .uplifting, duration: Rational(12345, 1000), seed: 1).sampleCount == 592_560)
    }

    @Test("every note is released, and before the end", arguments: Mood.allCases)
    func notesEndBeforeTheEnd(mood: Mood) {
        for seconds in [3, 5, 47] {
            let score = generator.score(mood: mood, duration: Rational(Int64(seconds)), seed: UInt64(seconds))
            #expect(score.lastNoteOff < score.sampleCount)
            var sounding: [Int: Int64] = [:]  // channel * 128 + note → on sample
            for event in score.events {
                switch event.kind {
                case .noteOn(let note, let velocity):
                    #expect((1...127).contains(velocity))
                    #expect(sounding[event.channel * 128 + note] == nil, "\(mood) retriggers a held note: \(event)")
                    sounding[event.channel * 128 + note] = event.sample
                case .noteOff(let note):
                    let on = sounding.removeValue(forKey: event.channel * 128 + note)
                    #expect(on != nil && on! < event.sample, "\(mood) releases a note not held: \(event)")
                    #expect(event.sample <= score.lastNoteOff)
                case .programChange, .controlChange:
                    #expect(event.sample == 0)
                }
            }
            #expect(sounding.isEmpty, "\(mood): notes still held at the end")
        }
    }

    @Test("the seed is salted by the mood: moods do not all pick the same key and progression index")
    func saltedByMood() {
        let picks = Mood.allCases.map { mood in
            let score = generator.score(mood: mood, duration: Rational(10), seed: 7)
            let style = MoodStyle.style(for: mood)
            return [style.keys.firstIndex(of: score.key)!, style.progressions.firstIndex(of: score.progression)!]
        }
        #expect(Set(picks).count > 1)
    }

    @Test("events are in play order")
    func sorted() {
        let score = generator.score(mood: .epic, duration: Rational(30), seed: 9)
        for (a, b) in zip(score.events, score.events.dropFirst()) {
            #expect(a.sample <= b.sample)
        }
    }

    @Test("the last bar resolves to the tonic, in the bass and the top voice too", arguments: Mood.allCases)
    func resolves(mood: Mood) {
        for seed in UInt64(0)..<6 {
            let score = generator.score(mood: mood, duration: Rational(17), seed: seed)
            #expect(score.chords.count == score.bars)
            #expect(score.chords.last!.isTonic)
            if score.bars >= 2 {
                #expect(score.chords[score.bars - 2] == score.progression.approach)
                #expect(!score.chords[score.bars - 2].isTonic)
            }
            let lastBar = score.sampleCount * Int64(score.bars - 1) / Int64(score.bars)
            let finalNotes = score.events.filter { event in
                if case .noteOn = event.kind { return event.sample >= lastBar && event.channel != NoteEvent.drumChannel }
                return false
            }
            let tonicClasses = Set(score.progression.tonic.pitchClasses.map { ($0 + score.key) % 12 })
            for event in finalNotes {
                guard case .noteOn(let note, _) = event.kind else { continue }
                #expect(tonicClasses.contains(note % 12), "\(mood) seed \(seed): \(note) is not in the tonic chord")
                if event.channel != ScoreGenerator.Channel.pad && event.channel != ScoreGenerator.Channel.layer {
                    #expect(note % 12 == score.key, "\(mood) seed \(seed): bass and lead end on the key note")
                }
            }
        }
    }

    @Test("drums on channel 10 for the energetic moods only", arguments: Mood.allCases)
    func drums(mood: Mood) {
        let score = generator.score(mood: mood, duration: Rational(20), seed: 5)
        let drumNotes = score.events.filter { $0.channel == NoteEvent.drumChannel }
        let energetic: Set<Mood> = [.uplifting, .playful, .epic, .dramatic, .tense]
        #expect(drumNotes.isEmpty != energetic.contains(mood))
        #expect(score.drums == MoodStyle.style(for: mood).drums)
    }

    @Test("a whole number of bars fills the piece, near the style's tempo")
    func tempoFitsTheBars() {
        for mood in Mood.allCases {
            let style = MoodStyle.style(for: mood)
            let score = generator.score(mood: mood, duration: Rational(60), seed: 3)
            #expect(style.tempo.contains(score.nominalTempo))
            #expect(abs(Double(score.bars * score.beatsPerBar) * 60 / score.tempo - 60) < 1e-9)
            #expect(abs(score.tempo / Double(score.nominalTempo) - 1) < 0.05)
        }
    }

    @Test("moods differ in tempo and harmony")
    func moodsDiffer() {
        let scores = Mood.allCases.map { generator.score(mood: $0, duration: Rational(30), seed: 11) }
        for (i, a) in scores.enumerated() {
            for b in scores[(i + 1)...] {
                #expect(a.nominalTempo != b.nominalTempo || a.progression != b.progression, "\(a.mood) and \(b.mood) sound alike")
                let differs = a.events != b.events
                #expect(differs)
            }
        }
        let tempo = { (mood: Mood) in MoodStyle.style(for: mood).tempo }
        #expect(tempo(.sad).upperBound < tempo(.uplifting).lowerBound)
        #expect(tempo(.calm).upperBound < tempo(.playful).lowerBound)
        #expect(tempo(.mysterious).upperBound < tempo(.tense).lowerBound)
        // Over many seeds, each mood explores its own styles: major moods stay major, minor moods minor.
        for mood in Mood.allCases {
            let minor = (0..<40).map { generator.score(mood: mood, duration: Rational(10), seed: UInt64($0)).progression.mode.isMinor }
            let expectMinor: Set<Mood> = [.dramatic, .tense, .sad, .epic, .mysterious]
            #expect(minor.allSatisfy { $0 == expectMinor.contains(mood) }, "\(mood)")
        }
    }

    @Test("short pieces still get a bar, and a piece of one sample nothing to clip")
    func tiny() {
        let score = generator.score(mood: .calm, duration: Rational(1, 48000), seed: 1)
        #expect(score.sampleCount == 1)
        #expect(score.bars == 1)
        let short = generator.score(mood: .epic, duration: Rational(3, 2), seed: 1)
        #expect(short.bars == 1)
        #expect(short.events.contains { if case .noteOn = $0.kind { true } else { false } })
    }
}
