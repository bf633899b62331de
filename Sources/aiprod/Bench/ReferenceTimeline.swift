import AIProdCore
import AIProdMedia
import Foundation

/// R1, the reference timeline of docs/BENCHMARKS.md: 60 s at 1280x720, 30 fps; three stills
/// with Ken Burns, two transitions, a title, burned subtitles, narration, music ducked under it
/// and two effects. Its media is synthesised (deterministically) into a directory, beside the
/// timeline and an SRT of its cues for the ffmpeg CLI yardstick.
struct ReferenceTimeline {
    let directory: String
    var width = 1280
    var height = 720

    var timelinePath: String { "\(directory)/r1.json" }

    func prepare() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let images = [
            ("img1.jpg", "mandelbrot=s=3000x2000:maxiter=120:end_pts=1"),
            ("img2.jpg", "testsrc2=s=3000x2000"),
            ("img3.jpg", "life=s=1000x667:ratio=0.3:mold=10:seed=7,scale=3000:2000:flags=neighbor"),
        ]
        for (name, source) in images where !exists(name) {
            try SyntheticMedia.image(source, to: "\(directory)/\(name)")
        }
        let wav = SyntheticMedia(audioCodec: "pcm_s16le")
        let sounds = [
            // Speech-like: a gliding voiced tone with syllable rhythm, 4.8 s phrases, 1.2 s pauses.
            ("narration.wav", "aevalsrc=0.3*sin(2*PI*(170+30*sin(2*PI*0.7*t))*t)*(0.55+0.45*sin(2*PI*4*t))*gt(mod(t\\,6)\\,1.2):d=57", Int32(1)),
            ("music.wav", "aevalsrc=0.2*sin(2*PI*220*t)+0.15*sin(2*PI*277.18*t)+0.12*sin(2*PI*329.63*t)|0.2*sin(2*PI*220.5*t)+0.15*sin(2*PI*277.6*t)+0.12*sin(2*PI*330*t):d=30", Int32(2)),
            ("whoosh.wav", "anoisesrc=c=pink:a=0.6:d=1:seed=3,bandpass=f=1500:w=2000,afade=t=in:d=0.4,afade=t=out:st=0.5:d=0.5", Int32(2)),
            ("bell.wav", "aevalsrc=0.5*sin(2*PI*880*t)*exp(-3*t)+0.3*sin(2*PI*1320*t)*exp(-4*t):d=1.5", Int32(2)),
        ]
        for (name, source, channels) in sounds where !exists(name) {
            try wav.write(audio: source, channels: channels, to: "\(directory)/\(name)")
        }
        let timeline = Self.timeline(width: width, height: height)
        let encoder = JSONCoding.encoder
        try encoder.encode(timeline).write(to: URL(fileURLWithPath: timelinePath))
        try Data(SubtitleFormatter().srt(timeline.subtitles!.cues).utf8).write(to: URL(fileURLWithPath: "\(directory)/r1.srt"))
    }

    private func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: "\(directory)/\(name)") }

    static func timeline(width: Int, height: Int) -> Timeline {
        var cues: [SubtitleCue] = []
        for index in 0..<19 {
            let start = Rational(Int64(index * 3 + 1))
            let end = Rational(Int64(index * 3 + 3))
            cues.append(SubtitleCue(start: start, end: end, text: "Reference subtitle number \(index + 1),\nburned into the picture"))
        }
        return Timeline(
            output: OutputSettings(width: width, height: height, fps: Rational(30),
                                   loudness: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5)),
            video: VideoTrack(clips: [
                Clip(duration: Rational(21), content: .image(ImageClip(file: "img1.jpg", kenBurns: KenBurns(zoom: .in, amount: 0.25, pan: .right))),
                     text: [TextLayer(text: "Reference timeline R1", placement: .title, start: Rational(1), end: Rational(6),
                                      fadeIn: Rational(1, 2), fadeOut: Rational(1, 2))]),
                Clip(duration: Rational(20), content: .image(ImageClip(file: "img2.jpg", kenBurns: KenBurns(zoom: .out, amount: 0.2))),
                     transition: Transition(kind: .dissolve, duration: Rational(1))),
                Clip(duration: Rational(21), content: .image(ImageClip(file: "img3.jpg", kenBurns: KenBurns(zoom: .none, amount: 0.2, pan: .left))),
                     transition: Transition(kind: .wipeLeft, duration: Rational(1))),
            ]),
            audio: AudioTracks(
                narration: [NarrationTrack(file: "narration.wav", start: Rational(1))],
                music: [MusicTrack(file: "music.wav", gainDb: -8, fadeIn: Rational(2), fadeOut: Rational(3), loop: true, duck: Ducking(depthDb: 12))],
                effects: [EffectTrack(file: "whoosh.wav", start: Rational(20)), EffectTrack(file: "bell.wav", start: Rational(39), gainDb: -3)]),
            subtitles: Subtitles(cues: cues))
    }
}
