import AIProdCore
import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// Small real renders: a tiny frame, the fastest encoder preset, and the file probed back.
enum TestRender {
    static let red = RGBAColor(red: 220, green: 30, blue: 30)
    static let blue = RGBAColor(red: 30, green: 40, blue: 220)

    /// Output settings for a quick render (160x90, 25 fps, ultrafast x264, the default AAC bitrate).
    static func output(
        width: Int = 160, height: Int = 90, fps: Rational = Rational(25),
        loudness: LoudnessTarget = LoudnessTarget(), background: RGBAColor = .black
    ) -> OutputSettings {
        OutputSettings(width: width, height: height, fps: fps, loudness: loudness, background: background,
                       encoding: EncodingSettings(crf: 23, preset: "ultrafast"))
    }

    /// A colour card clip.
    static func card(_ seconds: Rational, _ color: RGBAColor = red, transition: Transition? = nil) -> Clip {
        Clip(duration: seconds, content: .color(ColorCard(color: color)), transition: transition)
    }

    /// Renders `timeline` to `directory/name` (media paths resolve from `directory`), then probes
    /// the result, decoding every frame.
    static func render(
        _ timeline: Timeline, in directory: ScratchDirectory, name: String = "out.mp4", measureLoudness: Bool = false
    ) throws -> (result: RenderResult, probe: ProbeResult) {
        let path = directory.file(name)
        let result = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: path)
        let probe = try MediaProbe(decode: true, measureLoudness: measureLoudness).probe(path)
        return (result, probe)
    }

    /// The promises every render keeps: H.264 yuv420p at the output size with exactly `frames`
    /// frames, and 48 kHz stereo AAC lasting exactly as long as the picture.
    static func expectStreams(
        _ probe: ProbeResult, _ result: RenderResult, output: OutputSettings, frames: Int64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(probe.decodeError == nil, sourceLocation: sourceLocation)
        #expect(probe.streams.count == 2, sourceLocation: sourceLocation)
        #expect(result.frames == frames, sourceLocation: sourceLocation)
        let seconds = Rational(frames) / output.fps
        #expect(result.samples == seconds.samples(at: 48_000), sourceLocation: sourceLocation)
        guard let video = probe.stream("video") else {
            Issue.record("no video stream", sourceLocation: sourceLocation)
            return
        }
        #expect(video.codec == "h264", sourceLocation: sourceLocation)
        #expect(video.pixelFormat == "yuv420p", sourceLocation: sourceLocation)
        #expect(video.width == output.width && video.height == output.height, sourceLocation: sourceLocation)
        #expect(video.frames == frames, "decoded video frames", sourceLocation: sourceLocation)
        #expect(video.frameRate == "\(output.fps.numerator)/\(output.fps.denominator)", sourceLocation: sourceLocation)
        guard let audio = probe.stream("audio") else {
            Issue.record("no audio stream", sourceLocation: sourceLocation)
            return
        }
        #expect(audio.codec == "aac", sourceLocation: sourceLocation)
        #expect(audio.sampleRate == 48_000 && audio.channels == 2, sourceLocation: sourceLocation)
        #expect(abs((audio.durationSeconds ?? 0) - seconds.doubleValue) < 0.001, "audio lasts as long as the video", sourceLocation: sourceLocation)
    }
}
