import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// Hostile files and paths at the command line: `aiprod probe F` and `aiprod render T.json`
/// exit 2 with one `error:` line naming the file or the JSON field, and write nothing.
@Suite("CLI: hostile files and paths")
struct HostileInputCLITests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// Writes the file under `media/`, returns its name there.
        var make: @Sendable (ScratchDirectory) throws -> String
        var code: String
        var picture: Bool
    }

    static let cases: [Case] = [
        Case(testDescription: "zero streams", make: { HostileFiles.zeroStreams(in: $0, name: "media/zero.mp3") }, code: "not_media", picture: false),
        Case(testDescription: "m3u8 named .mp4", make: { HostileFiles.playlist(in: $0, name: "media/list.mp4", entries: ["/etc/passwd", "http://127.0.0.1:1/a.ts"]) },
             code: "not_media", picture: false),
        Case(testDescription: "ffconcat named .wav", make: { HostileFiles.concatList(in: $0, name: "media/list.wav", files: ["voice.wav"]) },
             code: "not_media", picture: false),
        Case(testDescription: "truncated PNG", make: { directory in
                 try SyntheticMedia.image("testsrc2=s=320x180", to: directory.file("media/cut.png"))
                 try HostileFiles.truncate(directory.file("media/cut.png"), toFraction: 0.5)
                 return directory.file("media/cut.png")
             }, code: "not_media", picture: true),
        Case(testDescription: "random bytes", make: { try HostileFiles.randomBytes(in: $0, name: "media/noise.mp4") }, code: "not_media", picture: false),
        Case(testDescription: "empty file", make: { $0.write("", to: "media/empty.png") }, code: "not_media", picture: true),
        Case(testDescription: "huge PNG", make: { try HostileFiles.png(in: $0, name: "media/huge.png", width: 30_000, height: 30_000) },
             code: "over_limit", picture: true),
        Case(testDescription: "7 kHz", make: { try HostileFiles.wav(in: $0, name: "media/low.wav", sampleRate: 7_000, channels: 1) },
             code: "over_limit", picture: false),
        Case(testDescription: "12 channels", make: { try HostileFiles.wav(in: $0, name: "media/many.wav", sampleRate: 48_000, channels: 12, seconds: 0.1) },
             code: "over_limit", picture: false),
    ]

    static func expectRefused(_ outcome: AIProdBinary.Outcome, code: String, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.reason == .exit && outcome.status == 2, "status \(outcome.status), stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasPrefix("error: \(code): ") && outcome.stderr.split(separator: "\n").count == 1,
                "stderr: \(outcome.stderr)", sourceLocation: sourceLocation)
        for text in mentions {
            #expect(outcome.stderr.contains(text), "stderr should mention \(text): \(outcome.stderr)", sourceLocation: sourceLocation)
        }
        #expect(outcome.stdout.isEmpty, "stdout: \(outcome.stdout)", sourceLocation: sourceLocation)
    }

    @Test("probe and render refuse each hostile file: exit 2, one error line, nothing written", arguments: cases)
    func hostileFile(_ sample: Case) throws {
        let directory = ScratchDirectory("cli-\(sample.testDescription)")
        try CLITests.prepare(directory)
        let path = try sample.make(directory)
        let name = String(path.dropFirst(directory.path.count + 1))
        Self.expectRefused(try AIProdBinary.run(["probe", name], in: directory), code: sample.code, mentions: [name])

        var json = CLITests.timelineJSON(image: sample.picture ? name : "media/still.jpg")
        if !sample.picture { json = json.replacingOccurrences(of: "media/voice.wav", with: name) }
        directory.write(json, to: "timeline.json")
        let field = sample.picture ? "video.clips[0].image.file" : "audio.narration[0].file"
        Self.expectRefused(try AIProdBinary.run(["render", "timeline.json", "-o", "out/video.mp4", "--srt", "out/video.srt"], in: directory),
                           code: sample.code, mentions: [field, name])
        #expect(directory.contents(of: "out").isEmpty, "nothing written: \(directory.contents(of: "out"))")
    }

    @Test("odd but valid input is read: 11025 Hz, 6 channels, MP3s joined mid-stream (rate and layout change)")
    func oddButValid() throws {
        let directory = ScratchDirectory()
        try CLITests.prepare(directory)
        let first = directory.file("media/a.mp3"), second = directory.file("media/b.mp3")
        try SyntheticMedia(audioCodec: "libmp3lame").write(audio: "sine=f=440:d=1", channels: 1, sampleRate: 44_100, to: first)
        try SyntheticMedia(audioCodec: "libmp3lame").write(audio: "sine=f=880:d=1", channels: 2, sampleRate: 24_000, to: second)
        try (try Data(contentsOf: URL(fileURLWithPath: first)) + (try Data(contentsOf: URL(fileURLWithPath: second))))
            .write(to: URL(fileURLWithPath: directory.file("media/joined.mp3")))
        _ = try HostileFiles.wav(in: directory, name: "media/odd.wav", sampleRate: 11_025, channels: 1)
        _ = try HostileFiles.wav(in: directory, name: "media/six.wav", sampleRate: 48_000, channels: 6)
        for name in ["media/joined.mp3", "media/odd.wav", "media/six.wav"] {
            let outcome = try AIProdBinary.run(["probe", name, "--decode"], in: directory)
            #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(name): \(outcome.stderr)")
            #expect(outcome.stdout.contains("\"loudness\""), "\(name): loudness measured")
        }
        directory.write(CLITests.timelineJSON().replacingOccurrences(of: "media/voice.wav", with: "media/joined.mp3"), to: "timeline.json")
        let render = try AIProdBinary.run(["render", "timeline.json", "-o", "out/video.mp4", "--quiet"], in: directory)
        #expect(render.status == 0, "stderr: \(render.stderr)")
    }

    @Test("a timeline path outside its folder is refused unless --allow-outside-paths")
    func outsidePaths() throws {
        let directory = ScratchDirectory(), outside = ScratchDirectory("outside")
        try CLITests.prepare(directory)
        try SyntheticMedia.image("testsrc2=s=320x180", to: outside.file("still.jpg"))
        directory.write(CLITests.timelineJSON(image: outside.file("still.jpg")), to: "timeline.json")
        let arguments = ["render", "timeline.json", "-o", "out/video.mp4", "--quiet"]
        Self.expectRefused(try AIProdBinary.run(arguments, in: directory), code: "path_not_allowed",
                           mentions: ["video.clips[0].image.file", "--allow-outside-paths"])
        #expect(directory.contents(of: "out").isEmpty)
        let allowed = try AIProdBinary.run(arguments + ["--allow-outside-paths"], in: directory)
        #expect(allowed.status == 0, "stderr: \(allowed.stderr)")
        #expect(directory.contents(of: "out") == ["video.mp4"])
    }

    @Test("--config's [limits] bound what probe and render read")
    func configLimits() throws {
        let directory = ScratchDirectory()
        try CLITests.prepare(directory)
        directory.write("[limits]\nmax_image_width = 100\n", to: "aiprod.ini")
        Self.expectRefused(try AIProdBinary.run(["probe", "media/still.jpg", "--config", "aiprod.ini"], in: directory),
                           code: "over_limit", mentions: ["media/still.jpg", "max_image_width"])
        directory.write(CLITests.timelineJSON(), to: "timeline.json")
        Self.expectRefused(try AIProdBinary.run(["render", "timeline.json", "-o", "out/video.mp4", "--config", "aiprod.ini"], in: directory),
                           code: "over_limit", mentions: ["video.clips[0].image.file", "max_image_width"])
        #expect(directory.contents(of: "out").isEmpty)
        directory.write("[limits]\nmax_channels = 99\n", to: "bad.ini")
        let bad = try AIProdBinary.run(["probe", "media/still.jpg", "--config", "bad.ini"], in: directory)
        #expect(bad.status == 2 && bad.stderr.contains("max_channels"), "stderr: \(bad.stderr)")
    }
}
