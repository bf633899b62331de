import AIProdCore
import Testing

/// One way to break the valid fixture, and the field the rejection must name.
struct Breakage: Sendable, CustomTestStringConvertible {
    var name: String
    var field: String
    var code: TimelineError.Code = .invalidValue
    var change: @Sendable (inout Timeline) -> Void

    var testDescription: String { name }
}

@Suite("TimelineValidator")
struct TimelineValidatorTests {
    static let breakages: [Breakage] = [
        Breakage(name: "zero clip duration", field: "video.clips[1].duration") { $0.video.clips[1].duration = .zero },
        Breakage(name: "negative clip duration", field: "video.clips[0].duration") {
            $0.video.clips[0].duration = Rational(-1)
        },
        Breakage(name: "clip shorter than one frame", field: "video.clips[0].duration") {
            $0.video.clips[0].duration = Rational(1, 100)
        },
        Breakage(name: "transition longer than its clip", field: "video.clips[2].transition.duration") {
            $0.video.clips[2].transition?.duration = Rational(5)
        },
        Breakage(name: "transition as long as its clip", field: "video.clips[1].transition.duration") {
            $0.video.clips[1].transition?.duration = Rational(2)
        },
        Breakage(name: "transition on the first clip", field: "video.clips[0].transition") {
            $0.video.clips[0].transition = Transition(kind: .fade, duration: Rational(1, 2))
        },
        Breakage(name: "zero-length transition", field: "video.clips[1].transition.duration") {
            $0.video.clips[1].transition?.duration = .zero
        },
        Breakage(name: "two transitions that fill a middle clip", field: "video.clips[2].transition.duration") {
            // Clip 1 lasts 2 s and already gives 0.5 s to its own transition in.
            $0.video.clips[2].transition?.duration = Rational(3, 2)
        },
        Breakage(name: "odd width", field: "output.width") { $0.output.width = 1281 },
        Breakage(name: "odd height", field: "output.height") { $0.output.height = 719 },
        Breakage(name: "width 0", field: "output.width") { $0.output.width = 0 },
        Breakage(name: "width 5000", field: "output.width") { $0.output.width = 5000 },
        Breakage(name: "height under 16", field: "output.height") { $0.output.height = 8 },
        Breakage(name: "fps 0", field: "output.fps") { $0.output.fps = .zero },
        Breakage(name: "negative fps", field: "output.fps") { $0.output.fps = Rational(-30) },
        Breakage(name: "fps over 240", field: "output.fps") { $0.output.fps = Rational(241) },
        Breakage(name: "no clips", field: "video.clips") { $0.video.clips = [] },
        Breakage(name: "text end before start", field: "video.clips[1].text[0].end") {
            $0.video.clips[1].text[0].end = Rational(1, 4)
        },
        Breakage(name: "text starting after its clip", field: "video.clips[1].text[0].start") {
            $0.video.clips[1].text[0].start = Rational(2)
            $0.video.clips[1].text[0].end = nil
        },
        Breakage(name: "text ending after its clip", field: "video.clips[1].text[0].end") {
            $0.video.clips[1].text[0].end = Rational(3)
        },
        Breakage(name: "subtitle cue starting after the end", field: "subtitles.cues[0].start") {
            $0.subtitles?.cues[0].start = Rational(500)
            $0.subtitles?.cues[0].end = Rational(501)
        },
        Breakage(name: "free text without x", field: "video.clips[1].text[0].x") {
            $0.video.clips[1].text[0].placement = .free
            $0.video.clips[1].text[0].y = 0.5
        },
        Breakage(name: "free text without y", field: "video.clips[1].text[0].y") {
            $0.video.clips[1].text[0].placement = .free
            $0.video.clips[1].text[0].x = 0.5
        },
        Breakage(name: "empty text", field: "video.clips[1].text[0].text") { $0.video.clips[1].text[0].text = " \n " },
        Breakage(name: "watermark opacity 1.5", field: "video.watermark.opacity") { $0.video.watermark?.opacity = 1.5 },
        Breakage(name: "watermark scale 0", field: "video.watermark.scale") { $0.video.watermark?.scale = 0 },
        Breakage(name: "Ken Burns from without to", field: "video.clips[0].image.ken_burns.to") {
            $0.video.clips[0].content = .image(ImageClip(
                file: "a.jpg", kenBurns: KenBurns(from: NormalizedRect(x: 0, y: 0, w: 0.5, h: 0.5))))
        },
        Breakage(name: "Ken Burns window outside the image", field: "video.clips[0].image.ken_burns.to") {
            $0.video.clips[0].content = .image(ImageClip(file: "a.jpg", kenBurns: KenBurns(
                from: NormalizedRect(x: 0, y: 0, w: 1, h: 1), to: NormalizedRect(x: 0.6, y: 0, w: 0.5, h: 0.5))))
        },
        Breakage(name: "video out_point before in_point", field: "video.clips[2].video.out_point") {
            $0.video.clips[2].content = .video(VideoClip(file: "b.mp4", inPoint: Rational(5), outPoint: Rational(4)))
        },
        Breakage(name: "empty file name", field: "video.clips[2].video.file") {
            $0.video.clips[2].content = .video(VideoClip(file: "  "))
        },
        Breakage(name: "music fade longer than the track", field: "audio.music[0].fade_in") {
            $0.audio.music[0].end = Rational(2)
        },
        Breakage(name: "music ending before it starts", field: "audio.music[0].end") {
            $0.audio.music[0].start = Rational(3)
            $0.audio.music[0].end = Rational(2)
        },
        Breakage(name: "duck deeper than 60 dB", field: "audio.music[0].duck.depth_db") {
            $0.audio.music[0].duck?.depthDb = 61
        },
        Breakage(name: "subtitle cue ending at its start", field: "subtitles.cues[0].end") {
            $0.subtitles?.cues[0].end = Rational(1, 2)
        },
        Breakage(name: "subtitle cue ending before its start", field: "subtitles.cues[0].end") {
            $0.subtitles?.cues[0].end = Rational(1, 4)
        },
        Breakage(name: "effect starting past the end of the timeline", field: "audio.effects[0].start") {
            $0.audio.effects[0].start = Rational(10)
        },
        Breakage(name: "narration starting exactly at the end", field: "audio.narration[0].start") {
            $0.audio.narration[0].start = Rational(15, 2)  // 3 + 2 + 4 − 0.5 − 1 = 7.5 s
        },
        Breakage(name: "negative start", field: "audio.music[0].start") { $0.audio.music[0].start = Rational(-1) },
        Breakage(name: "gain below -60 dB", field: "audio.narration[0].gain_db") { $0.audio.narration[0].gainDb = -61 },
        Breakage(name: "gain above +24 dB", field: "audio.effects[0].gain_db") { $0.audio.effects[0].gainDb = 25 },
        Breakage(name: "crf 52", field: "output.encoding.crf") { $0.output.encoding.crf = 52 },
        Breakage(name: "unknown x264 preset", field: "output.encoding.preset") { $0.output.encoding.preset = "fastest" },
        Breakage(name: "loudness target -80 LUFS", field: "output.loudness.target_lufs") {
            $0.output.loudness.targetLufs = -80
        },
        Breakage(name: "timeline over 6 hours", field: "video.clips") {
            $0.video.clips[2].duration = Rational(6 * 3600)
        },
        Breakage(name: "version 2", field: "version", code: .unsupportedVersion) { $0.version = 2 },
    ]

    @Test("rejects, naming the field", arguments: breakages)
    func rejects(breakage: Breakage) {
        var timeline = TimelineFixtures.valid()
        breakage.change(&timeline)
        #expect(throws: TimelineError.self) { try TimelineValidator().validate(timeline) }
        do {
            try TimelineValidator().validate(timeline)
        } catch {
            #expect(error.code == breakage.code)
            #expect(error.field == breakage.field)
            #expect(!error.message.isEmpty)
        }
    }

    @Test("accepts a valid timeline")
    func acceptsValid() throws {
        try TimelineValidator().validate(TimelineFixtures.valid())
    }

    @Test("accepts values on the limits")
    func acceptsLimits() throws {
        var timeline = TimelineFixtures.valid()
        timeline.output.width = TimelineValidator.maxDimension
        timeline.output.height = TimelineValidator.minDimension
        timeline.output.fps = TimelineValidator.maxFps
        timeline.audio.narration[0].gainDb = -60
        timeline.audio.effects[0].gainDb = 24
        timeline.video.watermark?.opacity = 1
        // 0.5 s + 1 s of transitions leave one frame of clip 1 alone: still fits.
        timeline.video.clips[1].duration = Rational(3, 2) + Rational(1, 240)
        try TimelineValidator().validate(timeline)
    }

    @Test("names the frame rate when a clip is shorter than one frame")
    func shortClipMessage() {
        var timeline = TimelineFixtures.valid()
        timeline.video.clips[0].duration = Rational(1, 100)
        #expect(throws: TimelineError(.invalidValue, field: "video.clips[0].duration", "is shorter than one frame at 30 fps")) {
            try TimelineValidator().validate(timeline)
        }
    }

    @Test("a width that is too large is reported with the limit")
    func widthMessage() {
        var timeline = TimelineFixtures.valid()
        timeline.output.width = 5000
        #expect(throws: TimelineError(.invalidValue, field: "output.width", "must be between 16 and 4096, got 5000")) {
            try TimelineValidator().validate(timeline)
        }
    }
}
