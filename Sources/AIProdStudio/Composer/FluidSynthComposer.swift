import AIProdCore
import AIProdMedia
import Foundation

/// The local composer: writes a score for the mood (`ScoreGenerator`) and plays it through
/// fluidsynth with a General MIDI soundfont, offline and faster than real time.
///
/// The soundfont is loaded once, when the composer is made, so a missing one is reported at
/// start-up rather than in the middle of a job. Each piece is played on a fresh synthesiser
/// borrowing that font (a reset one does not render the same samples twice; see
/// `FluidSoundFont`); pieces are rendered one at a time, under a lock, because the
/// synthesisers share the font's sample data. A worker pool that wants pieces rendered in
/// parallel makes one composer per worker.
///
/// Everything here blocks: call it from a dedicated thread, never from the cooperative pool.
public final class FluidSynthComposer: MusicProvider, @unchecked Sendable {
    public static let sampleRate = 48_000
    /// Longest piece accepted: the whole piece is held in memory (2 h ≈ 2.8 GB of float PCM).
    public static let maximumDuration = Rational(2 * 60 * 60)

    public let soundfont: String
    private let generator = ScoreGenerator(sampleRate: FluidSynthComposer.sampleRate)
    /// Serialises rendering: synthesisers made from `font` share its sample data.
    private let lock = NSLock()
    private let font: FluidSoundFont

    /// Loads the soundfont at `soundfont`.
    /// - Throws: `.soundfontMissing` if the file is absent, unreadable or not a soundfont.
    public init(soundfont: String) throws(StudioError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: soundfont, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: soundfont)
        else {
            throw StudioError(.soundfontMissing, "soundfont \(soundfont) not found; install timgm6mb-soundfont or set [studio] soundfont")
        }
        guard Self.isSoundFont(soundfont) else {
            throw StudioError(.soundfontMissing, "soundfont \(soundfont) is not a SoundFont 2 file; install timgm6mb-soundfont or set [studio] soundfont")
        }
        self.soundfont = soundfont
        self.font = try FluidSoundFont(path: soundfont, sampleRate: Self.sampleRate)
    }

    /// The composer configured by `[studio] soundfont`.
    public convenience init(config: StudioConfig) throws(StudioError) {
        try self.init(soundfont: config.soundfont)
    }

    public func compose(
        mood: Mood, duration: Rational, seed: UInt64, to path: String, cancellation: RenderCancellation,
        progress: @Sendable (Double) -> Void
    ) throws(StudioError) {
        guard duration.isPositive, duration.samples(at: Self.sampleRate) > 0, !(Self.maximumDuration < duration) else {
            throw StudioError(.invalidOption, "music duration must be between one sample and \(Self.maximumDuration) s, got \(duration) s")
        }
        let samples = try render(generator.score(mood: mood, duration: duration, seed: seed), cancellation: cancellation, progress: progress)
        if cancellation.isCancelled { throw StudioError(.cancelled, "music cancelled") }
        do {
            try WAVFile.write(samples, channels: 2, sampleRate: Self.sampleRate, to: path)
        } catch {
            throw .media(error)
        }
    }

    /// Plays `score` and returns its interleaved stereo samples, exactly
    /// `score.sampleCount` frames, faded in and out.
    public func render(
        _ score: Score, cancellation: RenderCancellation = RenderCancellation(), progress: @Sendable (Double) -> Void = { _ in }
    ) throws(StudioError) -> [Float] {
        precondition(score.sampleRate == Self.sampleRate, "the score must be written at \(Self.sampleRate) Hz")
        let frames = Int(score.sampleCount)
        var output = [Float](repeating: 0, count: 2 * frames)
        lock.lock()
        defer { lock.unlock() }
        let synth = try FluidSynth(soundFont: font)
        try output.withUnsafeMutableBufferPointer { (buffer) throws(StudioError) in
            guard let base = buffer.baseAddress else { return }
            var rendered = 0
            for event in score.events {
                let at = min(Int(event.sample), frames)
                if at > rendered {
                    try synth.render(frames: at - rendered, into: base + 2 * rendered, cancellation: cancellation)
                    rendered = at
                    progress(Double(rendered) / Double(max(frames, 1)))
                }
                try synth.play(event)
            }
            // The last releases and the reverb ring on into the fade; the piece is cut at its length.
            if frames > rendered { try synth.render(frames: frames - rendered, into: base + 2 * rendered, cancellation: cancellation) }
        }
        Self.level(&output)
        FadeEnvelope(sampleCount: score.sampleCount, sampleRate: Self.sampleRate).apply(to: &output, channels: 2)
        return output
    }

    /// Whether the file starts as a SoundFont does (`RIFF` … `sfbk`). Checked here because
    /// fluidsynth hands files it does not recognise to other loaders, which log to the console.
    private static func isSoundFont(_ path: String) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? file.close() }
        guard let head = try? file.read(upToCount: 12), head.count == 12 else { return false }
        return head.prefix(4) == Data("RIFF".utf8) && head.suffix(4) == Data("sfbk".utf8)
    }

    /// Sets the piece's level: its RMS to `targetRMS` (about −20 LUFS for this material), but
    /// never a peak above `ceiling`. Moods differ by 10 dB or more as played (a sparse calm
    /// piano against strings, choir and drums), and the director places every bed at one gain,
    /// so the composer hands over pieces of one loudness. RMS rather than a gated K-weighted
    /// loudness: it is one pass, a hundredth of the synthesis, and the spectra of these pieces
    /// are alike enough that it lands within a few dB of the same LUFS.
    static func level(_ samples: inout [Float], targetRMS: Float = 0.075, ceiling: Float = 0.9) {
        samples.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            // Eight lanes at a time, in double-width sums so a long piece does not lose precision.
            var high = SIMD8<Float>(repeating: 0)
            var squares = SIMD8<Double>(repeating: 0)
            var index = 0
            while index + 8 <= buffer.count {
                let lanes = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD8<Float>.self)
                high = pointwiseMax(high, pointwiseMax(lanes, -lanes))
                let wide = SIMD8<Double>(lanes)
                squares += wide * wide
                index += 8
            }
            var peak = high.max()
            var sum = squares.sum()
            while index < buffer.count {
                peak = max(peak, abs(buffer[index]))
                sum += Double(buffer[index]) * Double(buffer[index])
                index += 1
            }
            let rms = Float((sum / Double(buffer.count)).squareRoot())
            guard rms > 0, peak > 0 else { return }
            let gain = min(targetRMS / rms, ceiling / peak)
            for index in buffer.indices { buffer[index] *= gain }
        }
    }
}
