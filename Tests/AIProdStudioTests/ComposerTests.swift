import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation
import Testing

/// Real fluidsynth with Debian's General MIDI soundfont (timgm6mb-soundfont).
@Suite("Composer (fluidsynth)")
struct ComposerTests {
    static let soundfont = StudioConfig().soundfont

    @Test("every mood composes a piece of exactly the asked length that is not silent", arguments: Mood.allCases)
    func everyMood(mood: Mood) throws {
        let directory = ComposerScratch()
        let composer = try FluidSynthComposer(soundfont: Self.soundfont)
        let duration = Rational(Int64(3 + Mood.allCases.firstIndex(of: mood)! % 3), 1)  // 3, 4 or 5 s
        let path = directory.file("\(mood).wav")
        try composer.compose(mood: mood, duration: duration, seed: 2024, to: path)

        let wav = try ComposerWAV(path: path)
        #expect(wav.format == 3 && wav.channels == 2 && wav.sampleRate == 48000 && wav.bitsPerSample == 32)
        #expect(Int64(wav.frames) == duration.samples(at: 48000))
        let probe = try MediaProbe(decode: true, measureLoudness: true).probe(path)
        #expect(probe.stream("audio")?.decodedSamples == duration.samples(at: 48000))
        let loudness = try #require(probe.loudness?.integratedLufs)
        #expect(loudness > -40, "\(mood) is nearly silent: \(loudness) LUFS")
        // Every mood is delivered at about the same loudness (the director gives beds one gain).
        #expect((-24 ... -16).contains(loudness), "\(mood): \(loudness) LUFS")
        #expect(try #require(probe.loudness?.truePeakDbtp) < 0)
        #expect(wav.samples.allSatisfy { $0.isFinite && abs($0) <= 1 })
    }

    @Test("fractional and odd durations are exact to the sample")
    func fractional() throws {
        let directory = ComposerScratch()
        let composer = try FluidSynthComposer(soundfont: Self.soundfont)
        for (index, duration) in [Rational(12345, 1000), Rational(10, 3), Rational(1, 48000), Rational(1, 7)].enumerated() {
            let path = directory.file("piece\(index).wav")
            try composer.compose(mood: .playful, duration: duration, seed: 7, to: path)
            #expect(Int64(try ComposerWAV(path: path).frames) == duration.samples(at: 48000), "\(duration)")
        }
        #expect(try ComposerWAV(path: directory.file("piece0.wav")).frames == 592_560)
    }

    @Test("same seed, same bytes: twice on one composer and on a fresh one")
    func deterministic() throws {
        let directory = ComposerScratch()
        let first = try FluidSynthComposer(soundfont: Self.soundfont)
        let second = try FluidSynthComposer(soundfont: Self.soundfont)
        let paths = ["a", "b", "c", "d"].map { directory.file("\($0).wav") }
        try first.compose(mood: .epic, duration: Rational(6), seed: 99, to: paths[0])
        try first.compose(mood: .calm, duration: Rational(4), seed: 1, to: paths[3])  // leaves state behind, if reset missed any
        try first.compose(mood: .epic, duration: Rational(6), seed: 99, to: paths[1])
        try second.compose(mood: .epic, duration: Rational(6), seed: 99, to: paths[2])
        // Compared as Bools: on a mismatch Swift Testing would diff megabytes element by element.
        let bytes = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let sameInstance = bytes[0] == bytes[1], freshInstance = bytes[0] == bytes[2]
        #expect(sameInstance)
        #expect(freshInstance)
        if !sameInstance || !freshInstance {
            let a = try ComposerWAV(path: paths[0]).samples
            for other in [1, 2] {
                let b = try ComposerWAV(path: paths[other]).samples
                let first = Array(zip(a, b)).firstIndex { $0 != $1 } ?? -1
                let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
                Issue.record("render \(other) differs from sample \(first / 2), at most by \(worst)")
            }
        }

        try second.compose(mood: .epic, duration: Rational(6), seed: 100, to: paths[3])
        let otherSeedDiffers = try Data(contentsOf: URL(fileURLWithPath: paths[3])) != bytes[0]
        #expect(otherSeedDiffers)
    }

    @Test("first and last 10 ms are near silent; the middle is not")
    func fades() throws {
        let directory = ComposerScratch()
        let composer = try FluidSynthComposer(soundfont: Self.soundfont)
        for mood in [Mood.epic, .uplifting, .tense] {
            let path = directory.file("\(mood).wav")
            try composer.compose(mood: mood, duration: Rational(8), seed: 3, to: path)
            let samples = try ComposerWAV(path: path).samples
            let edge = 2 * 480  // 10 ms of stereo frames
            let peak = { (slice: ArraySlice<Float>) in slice.reduce(Float(0)) { max($0, abs($1)) } }
            #expect(peak(samples.prefix(edge)) < 0.001, "\(mood) starts with a click")
            #expect(peak(samples.suffix(edge)) < 0.001, "\(mood) ends with a click")
            #expect(samples.first == 0 && samples.last == 0)
            #expect(peak(samples[(samples.count / 2 - 48000)..<(samples.count / 2 + 48000)]) > 0.05)
        }
    }

    @Test("a missing or unusable soundfont is a clear soundfontMissing error")
    func missingSoundfont() throws {
        let directory = ComposerScratch()
        let notASoundfont = directory.file("fake.sf2")
        try Data("not a soundfont".utf8).write(to: URL(fileURLWithPath: notASoundfont))
        for path in ["/nonexistent/TimGM6mb.sf2", directory.path, notASoundfont] {
            let error = #expect(throws: StudioError.self) { _ = try FluidSynthComposer(soundfont: path) }
            #expect(error?.code == .soundfontMissing)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("timgm6mb-soundfont") == true)
        }
        var config = StudioConfig()
        config.soundfont = "/nonexistent/other.sf2"
        #expect(throws: StudioError(.soundfontMissing, "soundfont /nonexistent/other.sf2 not found; install timgm6mb-soundfont or set [studio] soundfont")) {
            _ = try FluidSynthComposer(config: config)
        }
    }

    @Test("durations of zero, below a sample, negative or over two hours are refused")
    func badDurations() throws {
        let directory = ComposerScratch()
        let composer = try FluidSynthComposer(soundfont: Self.soundfont)
        for duration in [Rational.zero, Rational(1, 100_000), Rational(-3), Rational(7201)] {
            let error = #expect(throws: StudioError.self) {
                try composer.compose(mood: .calm, duration: duration, seed: 1, to: directory.file("bad.wav"))
            }
            #expect(error?.code == .invalidOption)
        }
        #expect(directory.contents.isEmpty)
    }

    @Test("render matches the score's sample count and the written file")
    func renderAPI() throws {
        let directory = ComposerScratch()
        let composer = try FluidSynthComposer(soundfont: Self.soundfont)
        let score = ScoreGenerator().score(mood: .mysterious, duration: Rational(9, 2), seed: 5)
        let samples = try composer.render(score)
        #expect(samples.count == 2 * 216_000)
        let path = directory.file("m.wav")
        try composer.compose(mood: .mysterious, duration: Rational(9, 2), seed: 5, to: path)
        let same = try ComposerWAV(path: path).samples == samples
        #expect(same)
    }
}

/// A fresh directory per test, removed when the value is released.
private final class ComposerScratch {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = FileManager.default.temporaryDirectory.path + "/aiprod-composer-\(safe)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

/// The header and float samples of a WAV written by `WAVFile`, read by hand so the test does
/// not depend on the code it checks.
private struct ComposerWAV {
    var format = 0, channels = 0, sampleRate = 0, bitsPerSample = 0
    var samples: [Float] = []
    var frames: Int { channels > 0 ? samples.count / channels : 0 }

    struct Malformed: Error {}

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        func integer(_ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(data[data.startIndex + offset + $1]) << (8 * $1) }
        }
        guard data.count >= 12, data.prefix(4) == Data("RIFF".utf8), data[8..<12] == Data("WAVE".utf8) else { throw Malformed() }
        var offset = 12
        while offset + 8 <= data.count {
            let id = String(decoding: data[offset..<(offset + 4)], as: UTF8.self)
            let size = integer(offset + 4, 4)
            let body = offset + 8
            if id == "fmt " {
                format = integer(body, 2); channels = integer(body + 2, 2)
                sampleRate = integer(body + 4, 4); bitsPerSample = integer(body + 14, 2)
            } else if id == "data" {
                guard body + size <= data.count, size % 4 == 0 else { throw Malformed() }
                samples = data[body..<(body + size)].withUnsafeBytes { raw in
                    (0..<(size / 4)).map { Float(bitPattern: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self).littleEndian) }
                }
                return
            }
            offset = body + size + size % 2
        }
        throw Malformed()
    }
}
