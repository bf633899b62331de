import AIProdCore
import AIProdMedia
import Foundation

/// Audio bytes a remote voice sent, made trustworthy: written to a temporary file in the job's
/// folder, opened with the media engine's safe probing (as an upload is), required to hold a
/// sound stream, decoded and resampled to 48 kHz mono float, and refused (`.notAudio`) when it
/// is not sound, is silent, holds values that are not numbers, or lasts an absurd time.
///
/// The temporary file is removed whatever happens.
struct ReceivedAudio {
    /// Quieter than this at its loudest (−50 dBFS), a reply is silence, not speech.
    static let silencePeak: Float = 0.003_16
    /// Shortest reply accepted, in 48 kHz samples (a tenth of a second).
    static let minSamples = 4_800

    var provider: String
    var limits: MediaLimits
    /// Where the temporary file goes (the job's folder).
    var directory: String

    /// The samples of `data`, at most `maxSeconds` long.
    func samples(_ data: Data, maxSeconds: Double, cancellation: RenderCancellation) throws(ProviderError) -> [Float] {
        guard !data.isEmpty else { throw refused("the reply holds no audio") }
        let file = "\(directory)/.voice-reply-\(UUID().uuidString.prefix(12).lowercased()).bin.partial"
        defer { unlink(file) }
        do {
            try data.write(to: URL(fileURLWithPath: file))
        } catch {
            throw ProviderError(.notAudio, provider: provider, "cannot write the reply to the job folder: \(error.localizedDescription)")
        }
        let probe: ProbeResult
        do {
            probe = try MediaProbe(measureLoudness: false, limits: limits).probe(file)
        } catch {
            if error.code == .cancelled { throw ProviderError(.cancelled, provider: provider, "the job was cancelled") }
            throw refused("the reply is not media aiprod can open (\(error.code.rawValue))")
        }
        guard let stream = probe.stream("audio") else { throw refused("the reply has no sound stream (it is \(probe.format))") }
        let bound = min(maxSeconds, Double(limits.maxAudioSeconds))
        if let declared = probe.durationSeconds ?? stream.durationSeconds, declared.isFinite, declared > bound + 1 {
            throw refused("the reply declares \(Int(declared)) s of sound, more than the \(Int(bound)) s this text can take")
        }
        var samples: [Float]
        do {
            samples = try AudioFileDecoder.mono48k(path: file, maxFrames: Int(bound * 48_000), limits: limits, cancellation: cancellation)
        } catch {
            if error.code == .cancelled { throw ProviderError(.cancelled, provider: provider, "the job was cancelled") }
            if error.code == .overLimit { throw refused("the reply lasts more than the \(Int(bound)) s this text can take") }
            throw refused("the reply's sound does not decode (\(error.code.rawValue))")
        }
        guard samples.count >= Self.minSamples else { throw refused("the reply holds less than 0.1 s of sound") }
        var peak: Float = 0
        for index in samples.indices {
            let value = samples[index]
            guard value.isFinite else { throw refused("the reply's sound holds values that are not numbers") }
            // A float WAV may go past full scale; what is kept is clipped to it.
            if abs(value) > 1 { samples[index] = value > 0 ? 1 : -1 }
            peak = max(peak, abs(value))
        }
        guard peak >= Self.silencePeak else { throw refused("the reply is silent") }
        return samples
    }

    private func refused(_ why: String) -> ProviderError {
        ProviderError(.notAudio, provider: provider, why)
    }
}
