import AIProdMedia
import Foundation
import AIProdTestSupport

/// Small media made in-process by libav for each test (no binary fixtures).
enum TestMedia {
    /// A still with detail, so Ken Burns motion shows.
    static func image(in directory: ScratchDirectory, name: String = "still.jpg", size: String = "960x540") throws -> String {
        let path = directory.file(name)
        try SyntheticMedia.image("testsrc2=s=\(size)", to: path)
        return path
    }

    /// H.264 + AAC clip with a tone.
    static func video(in directory: ScratchDirectory, name: String = "clip.mp4", seconds: Double = 2, size: String = "320x240", rate: Int = 25, audio: Bool = true) throws -> String {
        let path = directory.file(name)
        try SyntheticMedia().write(
            video: "testsrc2=s=\(size):r=\(rate):d=\(seconds)",
            audio: audio ? "sine=f=330:d=\(seconds)" : nil, to: path)
        return path
    }

    /// A WAV sine tone at `amplitude` in every channel (one expression per channel: a mono
    /// source upmixed to stereo would come out 3 dB lower).
    static func tone(in directory: ScratchDirectory, name: String = "tone.wav", seconds: Double = 2, frequency: Int = 440, amplitude: Double = 0.3, channels: Int32 = 2) throws -> String {
        let path = directory.file(name)
        let expression = "\(amplitude)*sin(2*PI*\(frequency)*t)"
        try SyntheticMedia(audioCodec: "pcm_s16le").write(
            audio: "aevalsrc=\(Array(repeating: expression, count: Int(channels)).joined(separator: "|")):d=\(seconds)", channels: channels, to: path)
        return path
    }

    /// Speech-like bursts: a tone gated on for 0.6 s of every second, for ducking tests.
    static func bursts(in directory: ScratchDirectory, name: String = "voice.wav", seconds: Double = 4) throws -> String {
        let path = directory.file(name)
        try SyntheticMedia(audioCodec: "pcm_s16le").write(
            audio: "aevalsrc=0.4*sin(2*PI*220*t)*lt(mod(t\\,1)\\,0.6):d=\(seconds)", channels: 1, to: path)
        return path
    }
}
