import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import AIProdTestSupport
import Testing

@Suite("QA gate")
struct QAGateTests {
    /// A 3 s render: a bright card, a tone as "narration".
    static func render(in directory: ScratchDirectory, clips: [Clip], narration: String? = nil) throws -> (Timeline, String) {
        var audio = AudioTracks()
        if let narration { audio.narration = [NarrationTrack(file: narration)] }
        let timeline = Timeline(
            output: OutputSettings(width: 160, height: 90, fps: Rational(25), encoding: EncodingSettings(preset: "ultrafast")),
            video: VideoTrack(clips: clips), audio: audio,
            subtitles: Subtitles(cues: [SubtitleCue(start: .zero, end: Rational(3), text: "hello")]))
        let output = directory.file("out.mp4")
        _ = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: output)
        return (timeline, output)
    }

    static func tone(in directory: ScratchDirectory, seconds: Double = 3, gate: String = "1") throws -> String {
        let path = directory.file("voice.wav")
        try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "aevalsrc=0.3*sin(2*PI*300*t)*\(gate):d=\(seconds)", channels: 1, to: path)
        return path
    }

    @Test("a good render passes every check, each with its measured value")
    func passes() throws {
        let directory = ScratchDirectory()
        let voice = try Self.tone(in: directory)
        let (timeline, output) = try Self.render(in: directory, clips: [Clip(duration: Rational(3), content: .color(ColorCard(color: RGBAColor(hex: "#3080C0")!)))], narration: voice)
        let words = [TimeSpan(start: 0.1, end: 0.5), TimeSpan(start: 1, end: 1.4), TimeSpan(start: 2.2, end: 2.6)]
        let report = try QAGate().check(output, expecting: QAExpectations(timeline: timeline, words: words, narrationSpans: [TimeSpan(start: 0, end: 3)]))
        #expect(report.passed, "\(report.checks)")
        #expect(Set(report.checks.map(\.name)) == ["decodes", "duration", "audio_present", "loudness", "true_peak", "no_black", "no_silence_in_narration", "subtitles_cover_narration"])
        #expect(report.checks.allSatisfy { !$0.measured.isEmpty && !$0.expected.isEmpty })
    }

    @Test("black the timeline asked for passes; the same black unasked fails")
    func black() throws {
        let directory = ScratchDirectory()
        let (timeline, output) = try Self.render(in: directory, clips: [Clip(duration: Rational(3), content: .color(ColorCard(color: .black)))])
        let asked = try QAGate().check(output, expecting: QAExpectations(timeline: timeline))
        #expect(asked.checks.first { $0.name == "no_black" }?.passed == true)
        var other = QAExpectations(timeline: timeline)
        other.darkSpans = []
        let unasked = try QAGate().check(output, expecting: other)
        let check = try #require(unasked.checks.first { $0.name == "no_black" })
        #expect(!check.passed && check.measured.contains("0.00"), "\(check)")
        #expect(unasked.failures.contains("no_black"))
    }

    @Test("silence inside narration, a wrong duration and uncovered words fail, naming the check")
    func failures() throws {
        let directory = ScratchDirectory()
        // Sound for the first 0.5 s only: then 4.5 s of silence inside the "narration".
        let voice = try Self.tone(in: directory, seconds: 5, gate: "lt(t\\,0.5)")
        let (timeline, output) = try Self.render(in: directory, clips: [Clip(duration: Rational(5), content: .color(ColorCard(color: .white)))], narration: voice)
        var expected = QAExpectations(timeline: timeline, words: [TimeSpan(start: 4, end: 4.5)], narrationSpans: [TimeSpan(start: 0, end: 5)])
        expected.durationSeconds = 6
        let report = try QAGate().check(output, expecting: expected)
        #expect(!report.passed)
        #expect(Set(report.failures).isSuperset(of: ["no_silence_in_narration", "duration", "subtitles_cover_narration"]), "\(report.failures)")
        #expect(report.checks.first { $0.name == "duration" }?.measured.hasPrefix("5.000 s") == true)
    }

    @Test("a long silence that only grazes the narration's end (a closing card with no music) is not silence inside it")
    func silenceAfterNarration() throws {
        let directory = ScratchDirectory()
        // Sound for 1.5 s, then 4.5 s of silence; the last word "ends" 0.2 s into it.
        let voice = try Self.tone(in: directory, seconds: 6, gate: "lt(t\\,1.5)")
        let (timeline, output) = try Self.render(in: directory, clips: [Clip(duration: Rational(6), content: .color(ColorCard(color: .white)))], narration: voice)
        let grazing = QAExpectations(timeline: timeline, words: [TimeSpan(start: 0.2, end: 1.7)], narrationSpans: [TimeSpan(start: 0.2, end: 1.7)])
        #expect(try QAGate().check(output, expecting: grazing).checks.first { $0.name == "no_silence_in_narration" }?.passed == true)
        // The same silence a second deeper into the words fails.
        let inside = QAExpectations(timeline: timeline, words: [TimeSpan(start: 0.2, end: 2.5)], narrationSpans: [TimeSpan(start: 0.2, end: 2.5)])
        #expect(try QAGate().check(output, expecting: inside).checks.first { $0.name == "no_silence_in_narration" }?.passed == false)
    }

    @Test("a file that does not decode fails the first check")
    func notVideo() throws {
        let directory = ScratchDirectory()
        let path = directory.write("not a video", to: "x.mp4")
        let report = try QAGate().check(path, expecting: QAExpectations(timeline: Timeline(
            output: OutputSettings(width: 160, height: 90, fps: Rational(25)),
            video: VideoTrack(clips: [Clip(duration: Rational(1), content: .color(ColorCard(color: .white)))]))))
        #expect(!report.passed && report.failures == ["decodes"])
    }
}
