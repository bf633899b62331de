import AIProdCore
import AIProdMedia

/// Something that writes a piece of music for a mood: the local fluidsynth composer today, a
/// remote music service later, behind the same call so the pipeline does not care which.
///
/// The contract the renderer relies on: the file at `path` is a 48 kHz stereo 32-bit float WAV
/// holding exactly `duration.samples(at: 48000)` samples per channel (music is placed on the
/// timeline by sample, so a piece one sample long or short would drift against the picture),
/// already faded in and out, and the same `seed` gives the same music.
///
/// Implementations block (C work, network): call them from a dedicated thread, never from the
/// cooperative pool or an event loop.
public protocol MusicProvider: Sendable {
    /// When `cancellation` is raised, the provider stops within a fraction of a second, throws
    /// `cancelled` and leaves no file at `path`. `progress` hears the fraction done (0…1) as
    /// the piece is made.
    func compose(
        mood: Mood, duration: Rational, seed: UInt64, to path: String, cancellation: RenderCancellation,
        progress: @Sendable (Double) -> Void
    ) throws(StudioError)
}

extension MusicProvider {
    /// Composes with no way to cancel (benchmarks, tests).
    public func compose(mood: Mood, duration: Rational, seed: UInt64, to path: String) throws(StudioError) {
        try compose(mood: mood, duration: duration, seed: seed, to: path, cancellation: RenderCancellation(), progress: { _ in })
    }
}
