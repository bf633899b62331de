import AIProdCore
import AIProdMedia
import Foundation

/// Makes a sound effect from nothing but libav's sources and filters, for every category, so
/// a studio without a sound library still gets rain, doors and bells. The file is a 48 kHz
/// stereo 16-bit WAV named `sfx-<category>-<seed>.wav` in the job's directory: same category
/// and seed, same name and same bytes, so a file already there (a resumed job) is reused.
public struct EffectSynthesiser: SoundEffectProvider {
    public init() {}

    /// The file name for `category` and `seed`.
    public static func fileName(_ category: SoundCategory, seed: UInt64) -> String {
        "sfx-\(category.rawValue)-\(seed).wav"
    }

    public func effect(_ category: SoundCategory, seed: UInt64, in directory: String, cancellation: RenderCancellation) throws(StudioError) -> SoundEffect {
        let recipe = EffectRecipe(category, seed: seed)
        let path = (directory as NSString).appendingPathComponent(Self.fileName(category, seed: seed))
        let effect = SoundEffect(path: path, category: category, source: .synthesised, durationSeconds: recipe.durationSeconds)
        if Self.isFinished(path, recipe: recipe) { return effect }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StudioError(.synthesisFailed, "cannot create \(directory) for the \(category.rawValue) effect: \(error.localizedDescription)")
        }
        // Written aside and renamed into place, so a crash never leaves a half file that a
        // resumed job would take for finished, and two workers never see each other's half.
        let partial = (directory as NSString).appendingPathComponent(".\(Self.fileName(category, seed: seed)).\(UUID().uuidString).partial")
        do {
            try SyntheticMedia(audioCodec: "pcm_s16le", container: "wav").write(audio: recipe.graph, channels: 2, to: partial, cancellation: cancellation)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            if error.code == .cancelled { throw StudioError(.cancelled, "foley cancelled") }
            throw StudioError(.synthesisFailed, "cannot synthesise the \(category.rawValue) effect: \(error.description)")
        }
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partial)
            throw StudioError(.synthesisFailed, "cannot move the \(category.rawValue) effect into \(path): \(reason)")
        }
        return effect
    }

    /// Whether `path` already holds this recipe's output: a stereo 48 kHz WAV of the right
    /// length. Anything else there (a stray or damaged file) is replaced.
    private static func isFinished(_ path: String, recipe: EffectRecipe) -> Bool {
        guard FileManager.default.fileExists(atPath: path),
              let probe = try? MediaProbe(decode: false, measureLoudness: false).probe(path),
              let audio = probe.stream("audio") else { return false }
        let samples = (probe.durationSeconds ?? 0) * 48_000
        return probe.format == "wav" && audio.channels == 2 && audio.sampleRate == 48_000
            && abs(samples - Double(recipe.sampleCount)) < 1
    }
}
