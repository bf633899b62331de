import AIProdCore
import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// Real renders of the video track, checked by probing and decoding what came out: exact frame
/// counts for every way clips join, and the picture where position matters (fit, Ken Burns,
/// watermark).
@Suite("Render the video track")
struct RenderVideoTests {
    // BT.601 limited-range luma of white and black cards.
    static let white = 235.0
    static let black = 16.0

    @Test("a single colour card: exact frames, both streams")
    func singleCard() throws {
        let directory = ScratchDirectory()
        let output = TestRender.output()
        let timeline = Timeline(output: output, video: VideoTrack(clips: [TestRender.card(Rational(2))]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 50)
        #expect(directory.contents.sorted() == ["out.mp4"])
    }

    @Test("cuts only: clips concatenated frame-exactly, each cut on its frame")
    func cuts() throws {
        let directory = ScratchDirectory()
        let output = TestRender.output()
        let timeline = Timeline(output: output, video: VideoTrack(clips: [
            TestRender.card(Rational(1), .white),                  // frames 0…24
            TestRender.card(Rational(3, 5), .black),               // 25…39
            Clip(duration: Rational(4, 5), content: .gradient(GradientCard(from: .white, to: .white))),  // 40…59
        ]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 25 + 15 + 20)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [24, 25, 39, 40, 59])
        #expect(abs(try #require(pictures[24]).mean() - Self.white) < 8)
        #expect(abs(try #require(pictures[25]).mean() - Self.black) < 8)
        #expect(abs(try #require(pictures[39]).mean() - Self.black) < 8)
        #expect(abs(try #require(pictures[40]).mean() - Self.white) < 8)
        #expect(abs(try #require(pictures[59]).mean() - Self.white) < 8)
    }

    @Test("every transition kind: frames = a + b − t", arguments: TransitionKind.allCases)
    func transition(kind: TransitionKind) throws {
        let directory = ScratchDirectory("transition-\(kind.rawValue)")
        let still = try TestMedia.image(in: directory, size: "320x180")
        let output = TestRender.output()
        let timeline = Timeline(output: output, video: VideoTrack(clips: [
            Clip(duration: Rational(1), content: .image(ImageClip(file: still))),
            TestRender.card(Rational(4, 5), .black, transition: Transition(kind: kind, duration: Rational(2, 5))),
        ]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 25 + 20 - 10)
        // After the transition only the second clip shows.
        let last = try DecodedVideo.luma(of: directory.file("out.mp4"), frame: 34)
        #expect(abs(last.mean() - Self.black) < 8)
    }

    @Test("NTSC 30000/1001 fps: frames and audio samples exact")
    func ntscRate() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory, size: "320x180")
        let output = TestRender.output(fps: Rational(30000, 1001))
        let timeline = Timeline(output: output, video: VideoTrack(clips: [
            TestRender.card(Rational(1)),                                              // 29.97 → 30
            Clip(duration: Rational(2), content: .image(ImageClip(file: still)),        // 59.94 → 60
                 transition: Transition(kind: .fade, duration: Rational(1, 2))),       // 14.985 → 15
        ]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 75)
        // 75 frames last exactly 2.5025 s: 120 120 samples.
        #expect(result.samples == 120_120)
    }

    @Test("a video clip shorter than its clip: the last picture holds, the count stays exact")
    func shortVideoHoldsLastFrame() throws {
        let directory = ScratchDirectory()
        // 1 s at 30 fps (converted to the output's 25 fps) under a 2 s clip.
        let clip = try TestMedia.video(in: directory, seconds: 1, size: "320x180", rate: 30)
        let output = TestRender.output()
        let timeline = Timeline(output: output, video: VideoTrack(clips: [
            Clip(duration: Rational(2), content: .video(VideoClip(file: clip))),
        ]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 50)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [0, 20, 30, 49])
        let (first, moving, held, last) = try (#require(pictures[0]), #require(pictures[20]), #require(pictures[30]), #require(pictures[49]))
        #expect(first.difference(to: moving) > 2, "testsrc2 moves while the file plays")
        #expect(held.difference(to: last) < 1, "after the file ends its last picture is repeated")
    }

    @Test("video fit contain: a wide source is letterboxed on the background colour; cover fills")
    func videoContain() throws {
        let directory = ScratchDirectory()
        let path = directory.file("wide.mp4")
        try SyntheticMedia().write(video: "color=c=black:s=240x50:r=25:d=1.2", audio: nil, to: path)
        for fit in [Fit.contain, .cover] {
            let output = TestRender.output(background: .white)
            let timeline = Timeline(output: output, video: VideoTrack(clips: [
                Clip(duration: Rational(1), content: .video(VideoClip(file: path, fit: fit))),
            ]))
            let (result, probe) = try TestRender.render(timeline, in: directory, name: "\(fit).mp4")
            TestRender.expectStreams(probe, result, output: output, frames: 25)
            let picture = try DecodedVideo.luma(of: directory.file("\(fit).mp4"), frame: 12)
            let top = picture.mean(y: 0...0.2), bottom = picture.mean(y: 0.8...1), middle = picture.mean(y: 0.45...0.55)
            #expect(abs(middle - Self.black) < 8, "\(fit): the source shows in the middle")
            if fit == .contain {
                #expect(abs(top - Self.white) < 8, "contain: band above")
                #expect(abs(bottom - Self.white) < 8, "contain: band below")
            } else {
                #expect(abs(top - Self.black) < 8, "cover: no band")
            }
        }
    }

    @Test("image fit contain: a portrait still is pillarboxed on the background colour")
    func imageContain() throws {
        let directory = ScratchDirectory()
        let still = directory.file("portrait.png")
        try SyntheticMedia.image("color=c=black:s=90x160", to: still)
        let output = TestRender.output(background: .white)
        let timeline = Timeline(output: output, video: VideoTrack(clips: [
            Clip(duration: Rational(1), content: .image(ImageClip(file: still, fit: .contain))),
        ]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 25)
        let picture = try DecodedVideo.luma(of: directory.file("out.mp4"), frame: 10)
        // 90x160 in 160x90: about 51 px wide in the middle, bands of about 55 px either side.
        #expect(abs(picture.mean(x: 0...0.25) - Self.white) < 8)
        #expect(abs(picture.mean(x: 0.75...1) - Self.white) < 8)
        #expect(abs(picture.mean(x: 0.42...0.58) - Self.black) < 8)
    }

    @Test("Ken Burns from/to rectangles: starts on the whole still, ends on the named quarter")
    func kenBurnsRectangles() throws {
        let directory = ScratchDirectory()
        // Black with a white bottom-right quarter.
        let still = directory.file("quarters.png")
        try SyntheticMedia.image("color=c=black:s=320x180,drawbox=x=160:y=90:w=160:h=90:color=white:t=fill", to: still)
        let output = TestRender.output()
        let motion = KenBurns(from: NormalizedRect(x: 0, y: 0, w: 1, h: 1), to: NormalizedRect(x: 0.5, y: 0.5, w: 0.5, h: 0.5))
        let timeline = Timeline(output: output, video: VideoTrack(clips: [
            Clip(duration: Rational(2), content: .image(ImageClip(file: still, kenBurns: motion))),
        ]))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 50)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [0, 25, 49])
        let (first, middle, last) = try (#require(pictures[0]), #require(pictures[25]), #require(pictures[49]))
        // Whole still: a quarter white.
        #expect(abs(first.mean() - (Self.black + (Self.white - Self.black) / 4)) < 10)
        #expect(abs(first.mean(x: 0.55...1, y: 0.55...1) - Self.white) < 8)
        #expect(abs(first.mean(x: 0...0.45, y: 0...0.45) - Self.black) < 8)
        // Half way the white quarter fills more of the frame; at the end all of it.
        #expect(middle.mean() > first.mean() + 20)
        #expect(abs(last.mean() - Self.white) < 8)
    }

    @Test("Ken Burns zoom moves the picture; a still without it does not")
    func kenBurnsMoves() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory, size: "640x360")
        var changes: [Bool: Double] = [:]
        for zooms in [true, false] {
            let output = TestRender.output()
            let image = ImageClip(file: still, kenBurns: zooms ? KenBurns(zoom: .in, amount: 0.3) : nil)
            let timeline = Timeline(output: output, video: VideoTrack(clips: [Clip(duration: Rational(2), content: .image(image))]))
            let name = zooms ? "zoom.mp4" : "still.mp4"
            let (result, probe) = try TestRender.render(timeline, in: directory, name: name)
            TestRender.expectStreams(probe, result, output: output, frames: 50)
            // t = 0.12 s and t = 1.88 s
            let pictures = try DecodedVideo.luma(of: directory.file(name), frames: [3, 47])
            changes[zooms] = try #require(pictures[3]).difference(to: try #require(pictures[47]))
        }
        let zoomed = try #require(changes[true]), held = try #require(changes[false])
        #expect(zoomed > 8, "a 30 % zoom changes the picture a lot (mean |Δluma| \(zoomed))")
        #expect(held < 1.5, "a still without Ken Burns stays put (mean |Δluma| \(held))")
    }

    @Test("watermark: a PNG's alpha is honoured, in its corner, at its opacity", arguments: [
        ("white", 1.0, RenderVideoTests.white),                 // opaque logo, full opacity
        ("white", 0.5, (RenderVideoTests.white + RenderVideoTests.black) / 2),  // half opacity
        ("white@0.0", 1.0, RenderVideoTests.black),             // fully transparent pixels
    ])
    func watermark(color: String, opacity: Double, expectedLuma: Double) throws {
        let directory = ScratchDirectory("watermark-\(color)-\(opacity)")
        let logo = directory.file("logo.png")
        try SyntheticMedia.image("color=c=\(color):s=64x64,format=rgba", to: logo)
        let logoProbe = try MediaProbe(measureLoudness: false).probe(logo)
        #expect(logoProbe.stream("video")?.pixelFormat == "rgba", "the logo keeps its alpha channel")
        let output = TestRender.output()
        let timeline = Timeline(output: output, video: VideoTrack(
            clips: [TestRender.card(Rational(1), .black)],
            watermark: Watermark(file: logo, corner: .bottomRight, scale: 0.25, opacity: opacity, margin: 0.05)))
        let (result, probe) = try TestRender.render(timeline, in: directory)
        TestRender.expectStreams(probe, result, output: output, frames: 25)
        let picture = try DecodedVideo.luma(of: directory.file("out.mp4"), frame: 12)
        // A 40x40 logo 4-5 px from the bottom-right corner (x 116…156, y 41…81 of 160x90).
        let logoArea = picture.mean(x: 0.76...0.95, y: 0.5...0.86)
        #expect(abs(logoArea - expectedLuma) < 10, "logo area luma \(logoArea)")
        #expect(abs(picture.mean(x: 0...0.6, y: 0...0.4) - Self.black) < 4, "the rest of the frame is untouched")
    }
}
