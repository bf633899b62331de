import AIProdCore
import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

@Suite("Render a timeline for real")
struct RenderTests {
    @Test("image with Ken Burns, card, video clip, transitions, text, subtitles, narration, ducked music, effects")
    func fullTimeline() throws {
        let directory = ScratchDirectory()
        let still = try TestMedia.image(in: directory)
        let clip = try TestMedia.video(in: directory, seconds: 2.5)
        let voice = try TestMedia.bursts(in: directory, seconds: 3)
        let music = try TestMedia.tone(in: directory, name: "music.wav", seconds: 1.5, frequency: 523)
        let effect = try TestMedia.tone(in: directory, name: "fx.wav", seconds: 0.3, frequency: 880)
        let timeline = Timeline(
            output: OutputSettings(width: 320, height: 180, fps: Rational(25), loudness: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5)),
            video: VideoTrack(clips: [
                Clip(duration: Rational(2), content: .image(ImageClip(file: still, kenBurns: KenBurns(zoom: .in, pan: .right))),
                     text: [TextLayer(text: "Title", fadeIn: Rational(1, 2))]),
                Clip(duration: Rational(3, 2), content: .gradient(GradientCard(from: .black, to: .white, angle: 30, motion: true)),
                     transition: Transition(kind: .dissolve, duration: Rational(1, 2))),
                Clip(duration: Rational(2), content: .video(VideoClip(file: clip, inPoint: Rational(1, 4))),
                     text: [TextLayer(text: "Lower third", placement: .lowerThird)],
                     transition: Transition(kind: .circleOpen, duration: Rational(2, 5))),
            ]),
            audio: AudioTracks(
                narration: [NarrationTrack(file: voice, start: Rational(1, 2))],
                music: [MusicTrack(file: music, gainDb: -6, fadeIn: Rational(1, 2), fadeOut: Rational(1), duck: Ducking())],
                effects: [EffectTrack(file: effect, start: Rational(2))]),
            subtitles: Subtitles(cues: [SubtitleCue(start: Rational(1, 2), end: Rational(3), text: "Hello there")]))
        let output = directory.file("out.mp4")
        let result = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: output)

        // 50 + 37.5→38 + 50 frames, minus transitions of 12.5→13 and 10 frames.
        let expectedFrames: Int64 = 50 + 38 + 50 - 13 - 10
        #expect(result.frames == expectedFrames)
        let probe = try MediaProbe(decode: true, measureLoudness: true).probe(output)
        let video = try #require(probe.stream("video"))
        let audio = try #require(probe.stream("audio"))
        #expect(probe.decodeError == nil)
        #expect(video.codec == "h264")
        #expect(video.pixelFormat == "yuv420p")
        #expect(video.width == 320 && video.height == 180)
        #expect(video.frames == expectedFrames)
        #expect(audio.codec == "aac")
        #expect(audio.sampleRate == 48_000 && audio.channels == 2)
        #expect(abs((audio.durationSeconds ?? 0) - Double(expectedFrames) / 25) < 0.001)
        let loudness = try #require(probe.loudness)
        #expect(abs(loudness.integratedLufs - -16) <= 0.5)
        #expect(loudness.truePeakDbtp <= -1.5)
        #expect(directory.contents.allSatisfy { !$0.hasSuffix(".partial") })
        let atoms = try Self.topLevelAtoms(output)
        #expect(atoms.first == "ftyp")
        #expect((atoms.firstIndex(of: "moov") ?? .max) < (atoms.firstIndex(of: "mdat") ?? -1),
                "+faststart puts the index before the media data: \(atoms)")
    }

    /// The MP4's top-level box types in file order.
    static func topLevelAtoms(_ path: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var atoms: [String] = []
        var offset = 0
        while offset + 8 <= data.count {
            let size = data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            atoms.append(String(decoding: data[offset + 4..<offset + 8], as: UTF8.self))
            guard size >= 8 else { break }
            offset += size
        }
        return atoms
    }
}
