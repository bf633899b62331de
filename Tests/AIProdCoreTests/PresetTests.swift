import AIProdCore
import Testing

@Suite("Presets")
struct PresetTests {
    @Test("the five documented presets exist with their sizes, rates and loudness")
    func builtin() throws {
        let expected: [(String, Int, Int, Rational, Double, Double)] = [
            ("web-720p", 1280, 720, Rational(30), -16, -1.5),
            ("youtube-1080p", 1920, 1080, Rational(30), -14, -1),
            ("shorts-9x16", 1080, 1920, Rational(30), -14, -1),
            ("square-1x1", 1080, 1080, Rational(30), -14, -1),
            ("broadcast-ebu", 1920, 1080, Rational(25), -23, -1),
        ]
        #expect(Preset.builtin.map(\.name) == expected.map(\.0))
        for (name, width, height, fps, lufs, peak) in expected {
            let preset = try #require(Preset.named(name))
            #expect(preset.width == width && preset.height == height && preset.fps == fps, "\(name)")
            #expect(preset.loudness.targetLufs == lufs && preset.loudness.truePeakDbtp == peak, "\(name)")
            #expect(!preset.transitions.isEmpty)
        }
        #expect(Preset.named("nope") == nil)
    }

    @Test("every mood has a palette and a transition the preset allows", arguments: Preset.builtin)
    func moods(_ preset: Preset) {
        for mood in Mood.allCases {
            #expect(preset.transitions.contains(preset.transition(for: mood)), "\(preset.name) \(mood)")
            let (from, to) = preset.colors(for: mood)
            #expect(from != to)
        }
    }

    @Test("broadcast keeps to calm transitions; the web preset follows the mood")
    func transitionChoice() {
        #expect(Preset.broadcastEBU.transition(for: .playful) == .fade)
        #expect(Preset.web720p.transition(for: .playful) == .circleOpen)
        #expect(Preset.web720p.transition(for: .dramatic) == .fadeBlack)
    }
}
