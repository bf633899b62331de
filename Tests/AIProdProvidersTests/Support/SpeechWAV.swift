import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// Real speech for the fakes to send: espeak-ng reading a text with other settings than the
/// reference voice (rate, pitch, voice), with its true word timings from espeak-ng's own
/// events, and the WAV encodings remote services use.
enum SpeechWAV {
    /// Speech and its true word timings (48 kHz samples), after `leadingSilence` seconds of
    /// silence (remote voices start with some).
    struct Spoken: Sendable {
        var samples: [Float]
        var words: [WordTiming]
    }

    static func espeak(_ text: String, language: Language = .english, voice: String? = nil, wordsPerMinute: Int = 210, pitch: Int = 35,
                       leadingSilence: Double = 0.12, trailingSilence: Double = 0.2) throws -> Spoken {
        var config = StudioConfig()
        config.wordsPerMinute = wordsPerMinute
        config.pitch = pitch
        if let voice { config.voices[language] = voice }
        let directory = NSTemporaryDirectory() + "speech-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let narration = try EspeakNarrator(config: config).narrate(text, language: language, to: directory + "/speech.wav")
        let speech = try AudioFileDecoder.mono48k(path: narration.path, maxFrames: 48_000 * 600, limits: MediaLimits())
        let lead = Int(leadingSilence * 48_000)
        let samples = [Float](repeating: 0, count: lead) + speech + [Float](repeating: 0, count: Int(trailingSilence * 48_000))
        let words = narration.words.map { WordTiming(text: $0.text, startSample: $0.startSample + Int64(lead), endSample: $0.endSample + Int64(lead)) }
        return Spoken(samples: samples, words: words)
    }

    /// 16-bit PCM WAV at 48 kHz or an integer fraction of it (24 kHz, as Kokoro sends), from
    /// 48 kHz float samples (every n-th sample: espeak-ng's speech has nothing above 11 kHz).
    static func pcm16(_ samples: [Float], sampleRate: Int = 24_000) -> Data {
        let step = 48_000 / sampleRate
        let picked = stride(from: 0, to: samples.count, by: step).map { Int16(max(-1, min(1, samples[$0])) * 32_767) }
        var data = Data()
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8)); append(UInt32(36 + picked.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8)); append(UInt32(16))
        append(UInt16(1)); append(UInt16(1)); append(UInt32(sampleRate)); append(UInt32(sampleRate * 2)); append(UInt16(2)); append(UInt16(16))
        data.append(contentsOf: Array("data".utf8)); append(UInt32(picked.count * 2))
        for value in picked { append(value) }
        return data
    }

    /// A WAV re-encoded as MP3 at 44.1 kHz mono (libmp3lame through libav), as ElevenLabs sends.
    static func mp3(_ wav: Data) throws -> Data {
        let directory = NSTemporaryDirectory() + "mp3-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try wav.write(to: URL(fileURLWithPath: directory + "/in.wav"))
        try SyntheticMedia(audioCodec: "libmp3lame", container: "mp3")
            .write(audio: "amovie=\(directory)/in.wav", channels: 1, sampleRate: 44_100, to: directory + "/out.mp3")
        return try Data(contentsOf: URL(fileURLWithPath: directory + "/out.mp3"))
    }

    /// `seconds` of digital silence as a 16-bit WAV: a valid file with nothing said.
    static func silence(seconds: Double = 2) -> Data {
        pcm16([Float](repeating: 0, count: Int(seconds * 48_000)), sampleRate: 48_000)
    }

    /// A tiny valid PNG (1×1), which libav opens as a picture.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    /// `count` fixed pseudo-random bytes.
    static func noise(count: Int = 16_384) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Data((0..<count).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        })
    }
}
