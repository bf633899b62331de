import AIProdCore
@testable import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// Hostile files through the probe and through a render of a timeline that names them: each
/// is refused with a typed error naming the file (and, in a render, the JSON field), quickly,
/// without reading anything it names and without leaving output behind.
@Suite("Hostile media files")
struct HostileMediaTests {
    /// One hostile file: how to make it, the error expected, and the timeline field to name it in.
    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var make: @Sendable (ScratchDirectory) throws -> String
        var code: MediaError.Code
        var mentions: [String] = []
        /// A picture (an image clip) or a sound (narration).
        var picture: Bool
    }

    static let cases: [Case] = [
        Case(testDescription: "zero streams (ffmetadata named .mp3)", make: { HostileFiles.zeroStreams(in: $0) },
             code: .notMedia, mentions: ["not a media file aiprod reads"], picture: false),
        Case(testDescription: "an m3u8 playlist named .mp4", make: { HostileFiles.playlist(in: $0, entries: ["/etc/passwd", "http://127.0.0.1:1/x.ts"]) },
             code: .notMedia, picture: false),
        Case(testDescription: "an ffconcat list named .wav", make: { directory in
                 _ = try HostileFiles.wav(in: directory, name: "inner.wav", sampleRate: 48_000, channels: 1)
                 return HostileFiles.concatList(in: directory, name: "list.wav", files: ["inner.wav"])
             }, code: .notMedia, picture: false),
        Case(testDescription: "a truncated MP4", make: { directory in
                 let path = try TestMedia.video(in: directory, seconds: 1, size: "160x90")
                 try HostileFiles.truncate(path, toFraction: 0.5)
                 return path
             }, code: .notMedia, picture: false),
        Case(testDescription: "a truncated PNG", make: { directory in
                 let path = try TestMedia.image(in: directory, name: "cut.png", size: "320x180")
                 try HostileFiles.truncate(path, toFraction: 0.5)
                 return path
             }, code: .notMedia, picture: true),
        Case(testDescription: "random bytes named .png", make: { try HostileFiles.randomBytes(in: $0, name: "noise.png") },
             code: .notMedia, picture: true),
        Case(testDescription: "random bytes named .wav", make: { try HostileFiles.randomBytes(in: $0, name: "noise.wav") },
             code: .notMedia, picture: false),
        Case(testDescription: "a PNG header only", make: { try HostileFiles.png(in: $0, name: "header.png", width: 64, height: 64, complete: false) },
             code: .notMedia, picture: true),
        Case(testDescription: "an empty file", make: { $0.write("", to: "empty.mp4") }, code: .notMedia, picture: false),
        Case(testDescription: "a PNG declaring 30000x30000", make: { try HostileFiles.png(in: $0, width: 30_000, height: 30_000) },
             code: .overLimit, mentions: ["30000x30000", "max_image_width in [limits]"], picture: true),
        Case(testDescription: "a PNG declaring 16000x16000", make: { try HostileFiles.png(in: $0, width: 16_000, height: 16_000) },
             code: .overLimit, mentions: ["16000x16000 is over the image limit of 100 megapixels (max_image_megapixels in [limits])"], picture: true),
        Case(testDescription: "7 kHz audio", make: { try HostileFiles.wav(in: $0, name: "low.wav", sampleRate: 7_000, channels: 1) },
             code: .overLimit, mentions: ["7000 Hz", "min_sample_rate"], picture: false),
        Case(testDescription: "500 kHz audio", make: { try HostileFiles.wav(in: $0, name: "high.wav", sampleRate: 500_000, channels: 1, seconds: 0.1) },
             code: .overLimit, mentions: ["500000 Hz", "max_sample_rate"], picture: false),
        Case(testDescription: "12 channels", make: { try HostileFiles.wav(in: $0, name: "many.wav", sampleRate: 48_000, channels: 12, seconds: 0.1) },
             code: .overLimit, mentions: ["12 channels", "max_channels in [limits]"], picture: false),
    ]

    @Test("the probe refuses each hostile file, naming it", arguments: cases)
    func probe(_ sample: Case) throws {
        let directory = ScratchDirectory("probe-\(sample.testDescription)")
        let path = try sample.make(directory)
        let started = Date()
        let error = try #require(throws: MediaError.self) { try MediaProbe(decode: true).probe(path) }
        #expect(Date().timeIntervalSince(started) < 1, "refused quickly")
        #expect(error.code == sample.code, "\(error)")
        #expect(error.file == path, "\(error)")
        for text in sample.mentions { #expect(error.description.contains(text), "“\(error)” should mention “\(text)”") }
    }

    @Test("a render of a timeline naming each hostile file fails, naming the field, leaving nothing", arguments: cases)
    func render(_ sample: Case) throws {
        let directory = ScratchDirectory("render-\(sample.testDescription)")
        let path = try sample.make(directory)
        let name = String(path.dropFirst(directory.path.count + 1))
        let timeline = sample.picture
            ? BadMediaInputTests.timeline([BadMediaInputTests.image(name)])
            : BadMediaInputTests.timeline([TestRender.card(Rational(1))], audio: AudioTracks(narration: [NarrationTrack(file: name)]))
        let field = sample.picture ? "video.clips[0].image.file" : "audio.narration[0].file"
        BadMediaInputTests.expectFailure(timeline, in: directory, code: sample.code, mentions: [field, path] + sample.mentions)
    }

    // MARK: Opening

    @Test("a file with no streams is closed once (it used to be closed twice and crash)")
    func zeroStreamsClosedOnce() throws {
        let directory = ScratchDirectory()
        let path = HostileFiles.zeroStreams(in: directory)
        // Let the ffmetadata demuxer through, to reach the "no streams" path after the open.
        for _ in 0..<3 {
            let error = try #require(throws: MediaError.self) {
                try InputFile(path: path, limits: MediaLimits(), demuxers: DemuxerAllowlist(["ffmetadata"]))
            }
            #expect(error.message.contains("no audio or video streams"), "\(error)")
        }
    }

    @Test("fuzz finding: an 8-byte empty moov box named .mp4 opens, finds no stream and is refused once")
    func emptyMoovBox() throws {
        let directory = ScratchDirectory()
        let path = directory.file("empty-moov.mp4")
        try Data([0x00, 0x00, 0x00, 0x08, 0x6d, 0x6f, 0x6f, 0x76]).write(to: URL(fileURLWithPath: path))
        for _ in 0..<3 {
            let error = try #require(throws: MediaError.self) { try MediaProbe(decode: true).probe(path) }
            #expect(error.file == path && [.notMedia, .noStream].contains(error.code), "\(error)")
        }
    }

    @Test("a named pipe or a device is refused without blocking")
    func notRegularFiles() throws {
        let directory = ScratchDirectory()
        let fifo = directory.file("pipe.wav")
        try #require(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, "/dev/zero"] {
            let error = try #require(throws: MediaError.self) { try MediaProbe().probe(path) }
            #expect(error.code == .fileUnreadable && error.message.contains("not a regular file"), "\(error)")
        }
    }

    @Test("a playlist or list naming a valid media file beside it is refused: nothing it names is read")
    func listsReadNothing() throws {
        let directory = ScratchDirectory()
        let inner = try HostileFiles.wav(in: directory, name: "inner.wav", sampleRate: 48_000, channels: 1)
        #expect(try MediaProbe().probe(inner).stream("audio") != nil, "the named file itself is fine")
        let lists = [
            HostileFiles.playlist(in: directory, name: "a.mp4", entries: ["inner.wav"]),
            HostileFiles.playlist(in: directory, name: "b.m3u8", entries: [inner]),
            HostileFiles.concatList(in: directory, name: "c.mkv", files: [inner]),
            HostileFiles.concatList(in: directory, name: "d.ffconcat", files: ["inner.wav"]),
        ]
        for list in lists {
            let error = try #require(throws: MediaError.self) { try MediaProbe().probe(list) }
            #expect(error.code == .notMedia && error.file == list, "\(error)")
        }
    }

    @Test("a picture named like an image sequence is that one file, never a pattern")
    func noPatternExpansion() throws {
        let directory = ScratchDirectory()
        // The image2 muxer would expand the name itself: write elsewhere, then rename.
        try SyntheticMedia.image("testsrc2=s=64x32", to: directory.file("small.png"))
        try FileManager.default.moveItem(atPath: directory.file("small.png"), toPath: directory.file("seq%d.png"))
        try SyntheticMedia.image("testsrc2=s=320x180", to: directory.file("seq1.png"))
        try SyntheticMedia.image("testsrc2=s=320x180", to: directory.file("seq2.png"))
        let probe = try MediaProbe(decode: true, measureLoudness: false).probe(directory.file("seq%d.png"))
        #expect(probe.stream("video")?.width == 64)
        #expect(probe.stream("video")?.frames == 1)
        let glob = try #require(throws: MediaError.self) { try MediaProbe().probe(directory.file("seq*.png")) }
        #expect(glob.code == .fileNotFound)
    }

    @Test("a picture declaring 30000x30000 fails fast, before anything is allocated for it")
    func hugePictureFailsFast() throws {
        let directory = ScratchDirectory()
        let path = try HostileFiles.png(in: directory, width: 30_000, height: 30_000)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count < 100)
        let started = Date()
        let error = try #require(throws: MediaError.self) { try StillImage.decode(path: path, limits: MediaLimits()) }
        #expect(Date().timeIntervalSince(started) < 0.5)
        #expect(error.code == .overLimit && error.message.contains("30000x30000"), "\(error)")
    }

    // MARK: Limits

    @Test("each limit of [limits] refuses a file over it, naming the key")
    func limits() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory, size: "320x180")
        let clip = try TestMedia.video(in: directory, seconds: 2, size: "320x240")
        let tone = try TestMedia.tone(in: directory, seconds: 2)
        func refuse(_ path: String, _ change: (inout MediaLimits) -> Void, _ key: String) {
            var limits = MediaLimits()
            change(&limits)
            #expect(throws: MediaError.self) { try MediaProbe(limits: limits).probe(path) }
            do {
                _ = try MediaProbe(limits: limits).probe(path)
            } catch {
                #expect(error.code == .overLimit && error.description.contains("(\(key) in [limits])") && error.file == path, "\(error)")
            }
            #expect(throws: Never.self) { try MediaProbe(limits: MediaLimits()).probe(path) }
        }
        refuse(still, { $0.maxImageWidth = 100 }, "max_image_width")
        refuse(still, { $0.maxImageHeight = 100 }, "max_image_height")
        refuse(clip, { $0.maxVideoWidth = 160 }, "max_video_width")
        refuse(clip, { $0.maxVideoHeight = 160 }, "max_video_height")
        refuse(clip, { $0.maxVideoSeconds = 1 }, "max_video_seconds")
        refuse(clip, { $0.maxStreams = 1 }, "max_streams")
        refuse(tone, { $0.maxAudioSeconds = 1 }, "max_audio_seconds")
        refuse(tone, { $0.maxChannels = 1 }, "max_channels")
        refuse(tone, { $0.minSampleRate = 48_001 }, "min_sample_rate and max_sample_rate")
    }

    @Test("odd but accepted audio (11025 Hz, 6 channels) is read at 48 kHz with its full length")
    func oddButAccepted() throws {
        let directory = ScratchDirectory()
        for (rate, channels) in [(11_025, 1), (48_000, 6), (22_050, 6)] {
            let path = try HostileFiles.wav(in: directory, name: "ok-\(rate)-\(channels).wav", sampleRate: rate, channels: channels, seconds: 0.5)
            let reader = try AudioFileReader(path: path, channels: .stereo)
            var buffer = [Float](repeating: 0, count: 48_000 * 2)
            let frames = try buffer.withUnsafeMutableBufferPointer { try reader.read(into: $0.baseAddress!, frameCount: 48_000) }
            #expect(abs(frames - 24_000) <= 64, "\(rate) Hz × \(channels): \(frames) frames")
            let peak = buffer.prefix(frames * 2).map(abs).max() ?? 0
            #expect(peak > 0.1, "\(rate) Hz × \(channels): sound, peak \(peak)")
        }
    }

    @Test("a render refuses an audio file over a limit the resolver carries")
    func resolverCarriesLimits() throws {
        let directory = ScratchDirectory()
        _ = try TestMedia.tone(in: directory, name: "voice.wav", seconds: 2)
        var limits = MediaLimits()
        limits.maxAudioSeconds = 1
        let timeline = BadMediaInputTests.timeline([TestRender.card(Rational(1))], audio: AudioTracks(narration: [NarrationTrack(file: "voice.wav")]))
        let renderer = TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path, limits: limits))
        let error = try #require(throws: MediaError.self) { try renderer.render(to: directory.file("out.mp4")) }
        #expect(error.code == .overLimit && error.description.contains("max_audio_seconds"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.mp4")))
    }
}
