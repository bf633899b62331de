import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// The `aiprod` executable, run as a user runs it: outputs, exit codes, messages, and nothing
/// half-written left behind.
@Suite("aiprod command line")
struct CLITests {
    /// Writes the media of the standard timeline under `media/` and an empty `out/`.
    static func prepare(_ directory: ScratchDirectory) throws {
        directory.makeDirectory("media")
        directory.makeDirectory("out")
        try SyntheticMedia.image("testsrc2=s=320x180", to: directory.file("media/still.jpg"))
        try SyntheticMedia(audioCodec: "pcm_s16le").write(
            audio: "aevalsrc=0.3*sin(2*PI*220*t)*lt(mod(t\\,1)\\,0.6):d=2", channels: 1, to: directory.file("media/voice.wav"))
    }

    /// A valid timeline: 40 + 30 − 10 = 60 frames at 25 fps, with narration and two cues.
    /// The parameters let a test break one thing at a time.
    static func timelineJSON(
        width: String = "160", fps: String = "25", firstDuration: String = "1.6", transition: String = "0.4",
        image: String = "media/still.jpg", outputExtra: String = ""
    ) -> String {
        """
        {
          "version": 1,
          "output": { "width": \(width), "height": 90, "fps": \(fps), "encoding": { "preset": "ultrafast" }\(outputExtra) },
          "video": {
            "clips": [
              { "duration": \(firstDuration), "image": { "file": "\(image)", "ken_burns": { "zoom": "in", "amount": 0.2 } } },
              { "duration": 1.2, "color": { "color": "#2040C0" }, "transition": { "kind": "fade", "duration": \(transition) } }
            ]
          },
          "audio": { "narration": [ { "file": "media/voice.wav", "start": 0.2 } ] },
          "subtitles": {
            "cues": [
              { "start": 0.5, "end": 1.75, "text": "Fish & chips <b>" },
              { "start": 1.8, "end": "12/5", "text": "Line one\\nline two" }
            ]
          }
        }
        """
    }

    static func expectCleanExit(_ outcome: AIProdBinary.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.reason == .exit, "exited normally, not by a signal (\(outcome.status))", sourceLocation: sourceLocation)
    }

    @Test("the built executable is found next to the tests")
    func binaryIsThere() throws {
        let path = try #require(AIProdBinary.path, "no aiprod executable next to the test bundle")
        #expect(FileManager.default.isExecutableFile(atPath: path))
        // Under SwiftPM on Linux: the aiprod of this very build, never a stale one from another scratch path.
        if ProcessInfo.processInfo.environment["AIPROD_BINARY"] == nil,
           let tests = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            #expect(URL(fileURLWithPath: path).deletingLastPathComponent().path == URL(fileURLWithPath: tests).deletingLastPathComponent().path)
        }
    }

    @Test("render writes the MP4, SRT, WebVTT and thumbnail; progress is plain lines off a terminal")
    func render() throws {
        let directory = ScratchDirectory()
        try Self.prepare(directory)
        directory.write(Self.timelineJSON(), to: "timeline.json")
        let outcome = try AIProdBinary.run(
            ["render", "timeline.json", "-o", "out/video.mp4", "--srt", "out/video.srt", "--vtt", "out/video.vtt", "--thumbnail", "out/thumb.jpg"],
            in: directory)
        Self.expectCleanExit(outcome)
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(directory.contents(of: "out") == ["thumb.jpg", "video.mp4", "video.srt", "video.vtt"], "exactly the four outputs, no partial files")

        // The video, probed in-process.
        let probe = try MediaProbe(decode: true).probe(directory.file("out/video.mp4"))
        #expect(probe.stream("video")?.codec == "h264")
        #expect(probe.stream("video")?.frames == 60)
        #expect(probe.stream("audio")?.codec == "aac")
        let loudness = try #require(probe.loudness)
        #expect(abs(loudness.integratedLufs + 16) <= 0.5 && loudness.truePeakDbtp <= -1.5)
        #expect(outcome.stdout.contains("60 frames"))

        // SRT: numbered blocks, HH:MM:SS,mmm --> HH:MM:SS,mmm, text as written.
        let srt = try String(contentsOfFile: directory.file("out/video.srt"), encoding: .utf8)
        let srtBlocks = srt.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(srtBlocks.count == 2)
        let srtTiming = try Regex(#"^\d{2,}:\d{2}:\d{2},\d{3} --> \d{2,}:\d{2}:\d{2},\d{3}$"#)
        for (index, block) in srtBlocks.enumerated() {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count >= 3, "index, timing, text: \(lines)")
            #expect(lines.first == "\(index + 1)")
            #expect(lines.count > 1 && lines[1].wholeMatch(of: srtTiming) != nil, "timing line: \(lines.dropFirst().first ?? "")")
        }
        #expect(srt.hasPrefix("1\n00:00:00,500 --> 00:00:01,750\nFish & chips <b>\n\n2\n00:00:01,800 --> 00:00:02,400\nLine one\nline two\n"))

        // WebVTT: header, blank line, '.' milliseconds, markup characters escaped.
        let vtt = try String(contentsOfFile: directory.file("out/video.vtt"), encoding: .utf8)
        #expect(vtt.hasPrefix("WEBVTT\n\n"))
        let vttTimings = vtt.split(separator: "\n").filter { $0.contains("-->") }
        #expect(vttTimings == ["00:00:00.500 --> 00:00:01.750", "00:00:01.800 --> 00:00:02.400"])
        #expect(vtt.contains("Fish &amp; chips &lt;b&gt;"))
        #expect(!vtt.contains(","), "no SRT-style commas in WebVTT times")

        // JPEG: SOI at the start, EOI at the end.
        let jpeg = try #require(FileManager.default.contents(atPath: directory.file("out/thumb.jpg")))
        #expect(jpeg.count > 500)
        #expect(Array(jpeg.prefix(2)) == [0xFF, 0xD8])
        #expect(Array(jpeg.suffix(2)) == [0xFF, 0xD9])
        let thumbnail = try MediaProbe(measureLoudness: false).probe(directory.file("out/thumb.jpg"))
        #expect(thumbnail.stream("video")?.width == 160 && thumbnail.stream("video")?.height == 90)

        // Not a terminal: whole lines, no carriage returns, a line per 10 %.
        #expect(!outcome.stderr.contains("\r"))
        let progress = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("rendering ") }
        #expect(progress.count >= 5, "progress lines: \(outcome.stderr)")
        #expect(progress.allSatisfy { $0.contains(try! Regex(#"^rendering \d{1,3}%"#)) })
        #expect(progress.last?.hasPrefix("rendering 100%") == true)
    }

    @Test("--quiet prints no progress")
    func quiet() throws {
        let directory = ScratchDirectory()
        try Self.prepare(directory)
        directory.write(Self.timelineJSON(), to: "timeline.json")
        let outcome = try AIProdBinary.run(["render", "timeline.json", "-o", "out/video.mp4", "--quiet"], in: directory)
        Self.expectCleanExit(outcome)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty, "stderr: \(outcome.stderr)")
        #expect(directory.contents(of: "out") == ["video.mp4"])
    }

    @Test("probe prints JSON with the streams; --decode counts frames")
    func probe() throws {
        let directory = ScratchDirectory()
        directory.makeDirectory("media")
        try SyntheticMedia().write(video: "testsrc2=s=160x90:r=25:d=1", audio: "sine=f=440:d=1", to: directory.file("media/clip.mp4"))
        let outcome = try AIProdBinary.run(["probe", "media/clip.mp4", "--decode"], in: directory)
        Self.expectCleanExit(outcome)
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let streams = try #require(json["streams"] as? [[String: Any]])
        #expect(Set(streams.compactMap { $0["type"] as? String }) == ["video", "audio"])
        let video = try #require(streams.first { $0["type"] as? String == "video" })
        #expect(video["codec"] as? String == "h264")
        #expect(video["width"] as? Int == 160 && video["height"] as? Int == 90)
        #expect(video["frames"] as? Int == 25)
        #expect(json["loudness"] is [String: Any], "loudness measured by default")
        #expect(json["duration_seconds"] is Double, "snake_case keys")

        let missing = try AIProdBinary.run(["probe", "media/nope.mp4"], in: directory)
        Self.expectCleanExit(missing)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: file_not_found: "))
        #expect(missing.stderr.contains("media/nope.mp4"))
        #expect(missing.stdout.isEmpty)
    }

    // MARK: Bad input

    struct BadInput: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// Writes the timeline (or not) and returns the arguments to run.
        var setUp: @Sendable (ScratchDirectory) -> [String]
        var status: Int32 = 2
        var code: String
        var mentions: [String]
    }

    static func renderArguments(_ json: String?) -> @Sendable (ScratchDirectory) -> [String] {
        { directory in
            if let json { directory.write(json, to: "timeline.json") }
            return ["render", "timeline.json", "-o", "out/video.mp4", "--srt", "out/video.srt", "--thumbnail", "out/thumb.jpg"]
        }
    }

    static let badInputs: [BadInput] = [
        BadInput(testDescription: "unknown JSON field", setUp: renderArguments(timelineJSON(outputExtra: #", "widht": 160"#)),
                 code: "unknown_field", mentions: ["output.widht"]),
        BadInput(testDescription: "wrong type", setUp: renderArguments(timelineJSON(width: #""160""#)),
                 code: "wrong_type", mentions: ["output.width"]),
        BadInput(testDescription: "missing timeline file", setUp: renderArguments(nil),
                 code: "file_not_found", mentions: ["timeline.json"]),
        BadInput(testDescription: "invalid JSON", setUp: renderArguments(#"{ "version": 1, "output": "#),
                 code: "invalid_json", mentions: []),
        BadInput(testDescription: "missing media file", setUp: renderArguments(timelineJSON(image: "media/gone.jpg")),
                 code: "file_not_found", mentions: ["video.clips[0].image.file", "media/gone.jpg"]),
        BadInput(testDescription: "not a media file", setUp: { directory in
                     directory.write("plain text", to: "media/text.jpg")
                     return renderArguments(timelineJSON(image: "media/text.jpg"))(directory)
                 },
                 code: "not_media", mentions: ["video.clips[0].image.file", "media/text.jpg"]),
        BadInput(testDescription: "odd width", setUp: renderArguments(timelineJSON(width: "161")),
                 code: "invalid_value", mentions: ["output.width", "even"]),
        BadInput(testDescription: "huge width", setUp: renderArguments(timelineJSON(width: "5000")),
                 code: "invalid_value", mentions: ["output.width", "4096"]),
        BadInput(testDescription: "fps 0", setUp: renderArguments(timelineJSON(fps: "0")),
                 code: "invalid_value", mentions: ["output.fps"]),
        BadInput(testDescription: "negative fps", setUp: renderArguments(timelineJSON(fps: #""-25""#)),
                 code: "invalid_value", mentions: ["output.fps"]),
        BadInput(testDescription: "zero duration", setUp: renderArguments(timelineJSON(firstDuration: "0")),
                 code: "invalid_value", mentions: ["video.clips[0].duration"]),
        BadInput(testDescription: "negative duration", setUp: renderArguments(timelineJSON(firstDuration: "-1.6")),
                 code: "invalid_value", mentions: ["video.clips[0].duration"]),
        BadInput(testDescription: "transition longer than its clip", setUp: renderArguments(timelineJSON(transition: "1.5")),
                 code: "invalid_value", mentions: ["video.clips[1].transition.duration"]),
        BadInput(testDescription: "output directory missing", setUp: { directory in
                     directory.write(timelineJSON(), to: "timeline.json")
                     return ["render", "timeline.json", "-o", "out/missing/video.mp4"]
                 },
                 code: "write_failed", mentions: ["out/missing"]),
        BadInput(testDescription: "negative --thumbnail-at", setUp: { directory in
                     directory.write(timelineJSON(), to: "timeline.json")
                     return ["render", "timeline.json", "-o", "out/video.mp4", "--thumbnail", "out/thumb.jpg", "--thumbnail-at=-1"]
                 },
                 code: "invalid_timeline", mentions: ["--thumbnail-at"]),
    ]

    @Test("bad input: exit 2, `error: <code>:` naming the field or file, nothing written", arguments: badInputs)
    func badInput(_ sample: BadInput) throws {
        let directory = ScratchDirectory("bad-\(sample.testDescription)")
        try Self.prepare(directory)
        let outcome = try AIProdBinary.run(sample.setUp(directory), in: directory)
        Self.expectCleanExit(outcome)
        #expect(outcome.status == sample.status, "stderr: \(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one error line, no progress: \(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("error: \(sample.code): "), "stderr: \(outcome.stderr)")
        for text in sample.mentions {
            #expect(outcome.stderr.contains(text), "stderr should mention \(text): \(outcome.stderr)")
        }
        #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdout)")
        #expect(directory.contents(of: "out").isEmpty, "nothing written: \(directory.contents(of: "out"))")
    }
}
