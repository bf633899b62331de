import AIProdCore
import AIProdMedia
import Foundation
import Synchronization
import Testing
import AIProdTestSupport

/// Bad input through `TimelineRenderer.render`: every case fails with a typed error that names
/// the JSON field and the file, and leaves nothing in the output directory (no `.partial`, no
/// output).
@Suite("Bad input to the renderer")
struct BadMediaInputTests {
    /// Renders into `directory/out/` (which holds nothing else), expects a `MediaError` with
    /// `code` whose description mentions every string of `mentions`, and checks that `out/` is
    /// still empty.
    @discardableResult
    static func expectFailure(
        _ timeline: Timeline, in directory: ScratchDirectory, code: MediaError.Code, mentions: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> MediaError? {
        let outputDirectory = directory.file("out")
        try? FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let renderer = TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path))
        var caught: MediaError?
        do {
            let result = try renderer.render(to: outputDirectory + "/out.mp4")
            Issue.record("the render succeeded (\(result.frames) frames) but should have failed with \(code)", sourceLocation: sourceLocation)
        } catch {
            caught = error
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            for text in mentions {
                #expect(error.description.contains(text), "“\(error.description)” should mention “\(text)”", sourceLocation: sourceLocation)
            }
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? ["<unreadable>"]
        #expect(left.isEmpty, "nothing left behind, found \(left)", sourceLocation: sourceLocation)
        return caught
    }

    static func timeline(_ clips: [Clip], audio: AudioTracks = AudioTracks(), watermark: Watermark? = nil,
                         subtitles: Subtitles? = nil, output: OutputSettings = TestRender.output()) -> Timeline {
        Timeline(output: output, video: VideoTrack(clips: clips, watermark: watermark), audio: audio, subtitles: subtitles)
    }

    static func image(_ file: String) -> Clip { Clip(duration: Rational(1), content: .image(ImageClip(file: file))) }

    // MARK: Files

    @Test("a missing file is file_not_found, naming the path and the JSON field")
    func missingFiles() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory, size: "320x180")
        let card = TestRender.card(Rational(1))
        let absent = directory.path + "/absent"
        let cases: [(Timeline, String)] = [
            (Self.timeline([Self.image("absent/still.jpg")]), "video.clips[0].image.file"),
            (Self.timeline([card, Clip(duration: Rational(1), content: .video(VideoClip(file: "absent/clip.mp4")))]), "video.clips[1].video.file"),
            (Self.timeline([card], watermark: Watermark(file: "absent/logo.png")), "video.watermark.file"),
            (Self.timeline([card], audio: AudioTracks(narration: [NarrationTrack(file: "absent/voice.wav")])), "audio.narration[0].file"),
            (Self.timeline([card], audio: AudioTracks(music: [MusicTrack(file: "absent/music.wav")])), "audio.music[0].file"),
            (Self.timeline([Self.image(still)], audio: AudioTracks(effects: [EffectTrack(file: absent + "/fx.wav")])), "audio.effects[0].file"),
        ]
        for (timeline, field) in cases {
            let error = Self.expectFailure(timeline, in: directory, code: .fileNotFound, mentions: [field, absent + "/"])
            #expect(error?.file?.hasPrefix(absent + "/") == true, "the error's file is the resolved path")
        }
    }

    // root reads whatever the mode says: there is nothing to test then.
    @Test("a file without read permission is file_unreadable", .enabled(if: geteuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory, size: "320x180")
        #expect(chmod(still, 0) == 0)
        defer { chmod(still, 0o644) }
        Self.expectFailure(Self.timeline([Self.image("still.jpg")]), in: directory, code: .fileUnreadable,
                           mentions: ["video.clips[0].image.file", still])
    }

    @Test("a directory where a file belongs is file_unreadable")
    func directoryInsteadOfFile() throws {
        let directory = ScratchDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("music.wav"), withIntermediateDirectories: false)
        Self.expectFailure(Self.timeline([TestRender.card(Rational(1))], audio: AudioTracks(music: [MusicTrack(file: "music.wav")])),
                           in: directory, code: .fileUnreadable, mentions: ["audio.music[0].file", directory.file("music.wav")])
    }

    @Test("a text file named .jpg, an empty file, random bytes: not_media")
    func notMedia() throws {
        let directory = ScratchDirectory()
        _ = directory.write("Not a picture, just some words.\n", to: "text.jpg")
        _ = directory.write("", to: "empty.wav")
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try noise.write(to: URL(fileURLWithPath: directory.file("noise.mp4")))
        Self.expectFailure(Self.timeline([Self.image("text.jpg")]), in: directory, code: .notMedia,
                           mentions: ["video.clips[0].image.file", directory.file("text.jpg")])
        Self.expectFailure(Self.timeline([TestRender.card(Rational(1))], audio: AudioTracks(narration: [NarrationTrack(file: "empty.wav")])),
                           in: directory, code: .notMedia, mentions: ["audio.narration[0].file", directory.file("empty.wav")])
        Self.expectFailure(Self.timeline([Clip(duration: Rational(1), content: .video(VideoClip(file: "noise.mp4")))]),
                           in: directory, code: .notMedia, mentions: ["video.clips[0].video.file", directory.file("noise.mp4")])
    }

    @Test("a truncated MP4 (index at the end) is not_media")
    func truncatedMP4() throws {
        let directory = ScratchDirectory()
        // SyntheticMedia writes the index (moov) last, as a crashed recorder would have: cut in half, it is gone.
        let clip = try TestMedia.video(in: directory, seconds: 2, size: "160x90")
        try Self.truncate(clip, toFraction: 0.5)
        Self.expectFailure(Self.timeline([Clip(duration: Rational(1), content: .video(VideoClip(file: "clip.mp4")))]),
                           in: directory, code: .notMedia, mentions: ["video.clips[0].video.file", clip])
    }

    @Test("a truncated MP4 whose index survived (faststart) fails the render instead of freezing or going silent")
    func truncatedFaststartMP4() throws {
        let directory = ScratchDirectory()
        // A render's output has its index first: cut at 60 %, the index promises samples that are gone.
        let rendered = directory.file("rendered.mp4")
        try SyntheticMedia().write(video: "testsrc2=s=160x90:r=25:d=2", audio: "sine=f=440:d=2", to: directory.file("source.mp4"))
        let source = Timeline(output: TestRender.output(),
                              video: VideoTrack(clips: [Clip(duration: Rational(2), content: .video(VideoClip(file: "source.mp4")))]))
        _ = try TimelineRenderer(timeline: source, resolver: AssetResolver(baseDirectory: directory.path)).render(to: rendered)
        try Self.truncate(rendered, toFraction: 0.6)

        // Its picture (sound off): fails while frames are being encoded, so the partial output must go.
        let video = Self.expectFailure(
            Self.timeline([Clip(duration: Rational(2), content: .video(VideoClip(file: "rendered.mp4", audio: false)))]),
            in: directory, code: .decodeFailed, mentions: [rendered, "truncated"])
        #expect(video?.file == rendered)
        // Its sound, as narration: fails while mastering.
        let sound = Self.expectFailure(
            Self.timeline([TestRender.card(Rational(2))], audio: AudioTracks(narration: [NarrationTrack(file: "rendered.mp4")])),
            in: directory, code: .decodeFailed, mentions: [rendered, "truncated"])
        #expect(sound?.file == rendered)
        // The probe's full decode reports the damage too.
        let probe = try MediaProbe(decode: true, measureLoudness: false).probe(rendered)
        #expect(probe.decodeError?.contains("truncated") == true, "decode error: \(probe.decodeError ?? "none")")
    }

    @Test("an audio track pointing at a picture, an image clip pointing at sound: no_stream")
    func wrongKindOfMedia() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory, size: "320x180")
        let tone = try TestMedia.tone(in: directory)
        Self.expectFailure(Self.timeline([TestRender.card(Rational(1))], audio: AudioTracks(narration: [NarrationTrack(file: "still.jpg")])),
                           in: directory, code: .noStream, mentions: ["audio.narration[0].file", still, "audio"])
        Self.expectFailure(Self.timeline([TestRender.card(Rational(1))], audio: AudioTracks(effects: [EffectTrack(file: "still.jpg")])),
                           in: directory, code: .noStream, mentions: ["audio.effects[0].file", still])
        Self.expectFailure(Self.timeline([Self.image("tone.wav")]), in: directory, code: .noStream,
                           mentions: ["video.clips[0].image.file", tone])
        Self.expectFailure(Self.timeline([TestRender.card(Rational(1))], watermark: Watermark(file: "tone.wav")),
                           in: directory, code: .noStream, mentions: ["video.watermark.file", tone])
    }

    @Test("a video in_point past the end of its file is invalid_timeline")
    func inPointPastEnd() throws {
        let directory = ScratchDirectory()
        let clip = try TestMedia.video(in: directory, seconds: 1, size: "160x90")
        Self.expectFailure(Self.timeline([Clip(duration: Rational(1), content: .video(VideoClip(file: "clip.mp4", inPoint: Rational(3))))]),
                           in: directory, code: .invalidTimeline, mentions: ["video.clips[0].video.in_point", clip, "past the end"])
    }

    @Test("a font that is not installed is font_not_found, naming the field")
    func unknownFont() throws {
        let directory = ScratchDirectory()
        let card = TestRender.card(Rational(1))
        var titled = card
        titled.text = [TextLayer(text: "Hello", font: "No Such Font Family")]
        Self.expectFailure(Self.timeline([TestRender.card(Rational(1)), titled]), in: directory, code: .fontNotFound,
                           mentions: ["video.clips[1].text[0].font", "No Such Font Family"])
        var fileFont = card
        fileFont.text = [TextLayer(text: "Hello", font: directory.file("missing.ttf"))]
        Self.expectFailure(Self.timeline([fileFont]), in: directory, code: .fontNotFound,
                           mentions: ["video.clips[0].text[0].font", directory.file("missing.ttf")])
        let subtitles = Subtitles(cues: [SubtitleCue(start: .zero, end: Rational(1), text: "Hi")], style: SubtitleStyle(font: "Nope Sans"))
        Self.expectFailure(Self.timeline([card], subtitles: subtitles), in: directory, code: .fontNotFound,
                           mentions: ["subtitles.style.font", "Nope Sans"])
    }

    // MARK: Timeline values (the renderer validates again, whoever built the value)

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var timeline: Timeline
        var field: String
    }

    static let invalidCases: [InvalidCase] = {
        let card = TestRender.card(Rational(1))
        func output(width: Int = 160, height: Int = 90, fps: Rational = Rational(25)) -> OutputSettings {
            TestRender.output(width: width, height: height, fps: fps)
        }
        return [
            InvalidCase(testDescription: "zero duration", timeline: timeline([TestRender.card(.zero)]), field: "video.clips[0].duration"),
            InvalidCase(testDescription: "negative duration", timeline: timeline([card, TestRender.card(Rational(-1))]), field: "video.clips[1].duration"),
            InvalidCase(testDescription: "duration under one frame", timeline: timeline([TestRender.card(Rational(1, 100))]), field: "video.clips[0].duration"),
            InvalidCase(testDescription: "transition as long as its clip",
                        timeline: timeline([TestRender.card(Rational(2)), TestRender.card(Rational(1), transition: Transition(kind: .fade, duration: Rational(1)))]),
                        field: "video.clips[1].transition.duration"),
            InvalidCase(testDescription: "transition longer than the previous clip",
                        timeline: timeline([card, TestRender.card(Rational(3), transition: Transition(kind: .wipeLeft, duration: Rational(2)))]),
                        field: "video.clips[1].transition.duration"),
            InvalidCase(testDescription: "transition on the first clip",
                        timeline: timeline([TestRender.card(Rational(1), transition: Transition(kind: .fade, duration: Rational(1, 2)))]),
                        field: "video.clips[0].transition"),
            InvalidCase(testDescription: "odd width", timeline: timeline([card], output: output(width: 161)), field: "output.width"),
            InvalidCase(testDescription: "odd height", timeline: timeline([card], output: output(height: 91)), field: "output.height"),
            InvalidCase(testDescription: "width over 4096", timeline: timeline([card], output: output(width: 4098)), field: "output.width"),
            InvalidCase(testDescription: "huge height", timeline: timeline([card], output: output(height: 1_000_000)), field: "output.height"),
            InvalidCase(testDescription: "tiny width", timeline: timeline([card], output: output(width: 8)), field: "output.width"),
            InvalidCase(testDescription: "fps 0", timeline: timeline([card], output: output(fps: .zero)), field: "output.fps"),
            InvalidCase(testDescription: "negative fps", timeline: timeline([card], output: output(fps: Rational(-25))), field: "output.fps"),
            InvalidCase(testDescription: "no clips", timeline: timeline([]), field: "video.clips"),
        ]
    }()

    @Test("invalid timeline values are invalid_timeline, naming the field", arguments: invalidCases)
    func invalidTimeline(_ sample: InvalidCase) throws {
        let directory = ScratchDirectory("invalid")
        Self.expectFailure(sample.timeline, in: directory, code: .invalidTimeline, mentions: [sample.field + ":"])
    }

    // MARK: Cancellation

    @Test("cancelling mid-render throws cancelled and removes the partial file")
    func cancellation() async throws {
        let directory = ScratchDirectory()
        let outputDirectory = directory.file("out")
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let still = try TestMedia.image(in: directory, size: "320x180")
        let timeline = Self.timeline([Clip(duration: Rational(4), content: .image(ImageClip(file: still, kenBurns: KenBurns(zoom: .in))))],
                                     audio: AudioTracks(music: [MusicTrack(file: try TestMedia.tone(in: directory, seconds: 4))]))
        let cancellation = RenderCancellation()
        let renderer = TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path))
        let sawPartial = Mutex(false)
        let outcome: Result<RenderResult, MediaError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                let result = Result { () throws(MediaError) -> RenderResult in
                    try renderer.render(to: outputDirectory + "/out.mp4", cancellation: cancellation) { progress in
                        guard progress.phase == .rendering, progress.framesDone >= 5, !cancellation.isCancelled else { return }
                        // The render is under way: its temporary file exists beside the destination.
                        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
                        sawPartial.withLock { $0 = names.contains { $0.hasSuffix(".partial") } }
                        cancellation.cancel()
                    }
                }
                continuation.resume(returning: result)
            }
            thread.start()
        }
        switch outcome {
        case .success(let result):
            Issue.record("the render finished (\(result.frames) frames) despite the cancellation")
        case .failure(let error):
            #expect(error.code == .cancelled, "\(error)")
        }
        #expect(sawPartial.withLock { $0 }, "the render was writing when it was cancelled")
        let left = try FileManager.default.contentsOfDirectory(atPath: outputDirectory)
        #expect(left.isEmpty, "nothing left behind: \(left)")
    }

    static func truncate(_ path: String, toFraction fraction: Double) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.truncate(atOffset: UInt64(Double(size) * fraction))
        try handle.close()
    }
}
