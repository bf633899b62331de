import AIProdCore
@testable import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// `VideoClip.loop`: a file shorter than its clip starts again from its in-point, frame for
/// frame, its sound with it; real renders decoded back, and the soundtrack mixed sample-exactly.
@Suite("Looping video clips")
struct LoopingVideoTests {
    /// 1 s of testsrc2 at the output's 25 fps (it moves every frame), with a 440 Hz tone in the
    /// first half of each second and silence in the second.
    static func clip(in directory: ScratchDirectory, name: String = "clip.mp4") throws -> String {
        let path = directory.file(name)
        try SyntheticMedia().write(video: "testsrc2=s=160x90:r=25:d=1",
                                   audio: "aevalsrc=0.4*sin(2*PI*440*t)*lt(t\\,0.5):d=1", to: path)
        return path
    }

    static func timeline(_ video: VideoClip, seconds: Rational = Rational(3)) -> Timeline {
        Timeline(output: TestRender.output(), video: VideoTrack(clips: [Clip(duration: seconds, content: .video(video))]))
    }

    @Test("a 1 s clip looping in a 3 s scene: the frames at 0.5 s and 1.5 s match, the loop is seamless")
    func loopsFrameExactly() throws {
        let directory = ScratchDirectory()
        let clip = try Self.clip(in: directory)
        let output = TestRender.output()
        let (result, probe) = try TestRender.render(Self.timeline(VideoClip(file: clip, loop: true)), in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 75)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [0, 12, 20, 24, 25, 37, 62, 74])
        let p = { (frame: Int) throws -> LumaPicture in try #require(pictures[frame]) }
        #expect(try p(12).difference(to: p(37)) < 1.5, "0.5 s and 1.5 s show the same source frame")
        #expect(try p(12).difference(to: p(62)) < 1.5, "and so does 2.5 s")
        #expect(try p(0).difference(to: p(25)) < 1.5, "the second pass starts on the first frame")
        #expect(try p(24).difference(to: p(74)) < 1.5, "and ends on the last")
        #expect(try p(12).difference(to: p(20)) > 3, "the source moves, so matching frames mean something")
        #expect(try p(24).difference(to: p(25)) > 3, "no held frame at the seam")
        #expect(try p(24).difference(to: p(37)) > 3, "after 1 s the picture is not held")
    }

    @Test("without loop the last frame holds (the default is unchanged)")
    func holdsByDefault() throws {
        let directory = ScratchDirectory()
        let clip = try Self.clip(in: directory)
        let (result, probe) = try TestRender.render(Self.timeline(VideoClip(file: clip)), in: directory)
        TestRender.expectStreams(probe, result, output: TestRender.output(), frames: 75)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [12, 24, 37])
        let (early, last, later) = try (#require(pictures[12]), #require(pictures[24]), #require(pictures[37]))
        #expect(last.difference(to: later) < 1.5)
        #expect(early.difference(to: later) > 3)
    }

    @Test("an in/out span loops: 0.2…0.6 s repeats every 10 frames")
    func spanLoops() throws {
        let directory = ScratchDirectory()
        let clip = try Self.clip(in: directory)
        let video = VideoClip(file: clip, inPoint: Rational(1, 5), outPoint: Rational(3, 5), loop: true)
        let (result, probe) = try TestRender.render(Self.timeline(video, seconds: Rational(6, 5)), in: directory)
        TestRender.expectStreams(probe, result, output: TestRender.output(), frames: 30)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [3, 9, 10, 13, 23])
        let p = { (frame: Int) throws -> LumaPicture in try #require(pictures[frame]) }
        #expect(try p(3).difference(to: p(13)) < 1.5)
        #expect(try p(3).difference(to: p(23)) < 1.5)
        #expect(try p(9).difference(to: p(10)) > 3, "the span starts again at frame 10")
    }

    /// RMS of one channel of an interleaved stereo mix over [from, to) seconds.
    static func rms(_ mix: [Float], from: Double, to: Double) -> Double {
        let (a, b) = (Int(from * 48_000), Int(to * 48_000))
        let sum = (a..<b).reduce(0.0) { $0 + Double(mix[2 * $1] * mix[2 * $1]) }
        return (sum / Double(b - a)).squareRoot()
    }

    @Test("the looping clip's sound starts again with its pictures; without loop it ends")
    func soundLoops() throws {
        let directory = ScratchDirectory()
        let clip = try Self.clip(in: directory)
        let looped = try AudioMixTests.mix(Self.timeline(VideoClip(file: clip, loop: true)), in: directory)
        let held = try AudioMixTests.mix(Self.timeline(VideoClip(file: clip)), in: directory)
        for second in 0..<3 {
            let start = Double(second)
            #expect(Self.rms(looped, from: start + 0.05, to: start + 0.45) > 0.1, "tone in the first half of second \(second)")
            #expect(Self.rms(looped, from: start + 0.55, to: start + 0.95) < 0.01, "silence in the second half of second \(second)")
        }
        #expect(Self.rms(held, from: 1.05, to: 2.95) < 0.001, "without loop the sound ends with the file")
        // The tone comes back on the second: its first loud sample after 1 s is within 10 ms of it.
        let onset = (48_000..<60_000).first { abs(looped[2 * $0]) > 0.05 }
        #expect(onset.map { abs($0 - 48_000) < 480 } == true, "onset at sample \(String(describing: onset))")
    }

    @Test("validation: loop decodes (default false); a looping span under 0.1 s is refused")
    func validation() throws {
        let json = #"{"file": "a.mp4", "loop": true}"#
        let decoded = try JSONDecoder().decode(VideoClip.self, from: Data(json.utf8))
        #expect(decoded.loop)
        #expect(try !JSONDecoder().decode(VideoClip.self, from: Data(#"{"file": "a.mp4"}"#.utf8)).loop)
        let validator = TimelineValidator()
        let short = VideoClip(file: "a.mp4", inPoint: Rational(1), outPoint: Rational(105, 100), loop: true)
        #expect(throws: TimelineError.self) { try validator.validate(Self.timeline(short)) }
        var fine = short
        fine.outPoint = Rational(11, 10)
        try validator.validate(Self.timeline(fine))
        fine.loop = false
        fine.outPoint = Rational(101, 100)
        try validator.validate(Self.timeline(fine))
    }
}
