import AIProdCore
import AIProdMedia

/// Somewhere a piece of music for a mood can come from besides the studio's library and
/// fluidsynth: a remote music model (`music-http`). The score stage fits whatever it writes to
/// the length it needs, so a source only has to come close.
///
/// Blocking (network): call it from the job's dedicated thread.
public protocol MusicPieceSource: Sendable {
    /// The provider's name, for credits and warnings.
    var name: String { get }
    /// Writes a piece of about `seconds` in `mood` to `path` (any audio libav decodes; checked
    /// by the caller) and returns its credit. Throws to send the stage to the next source.
    func piece(mood: Mood, seconds: Double, seed: UInt64, to path: String, cancellation: RenderCancellation) throws(StudioError) -> Credit
}
