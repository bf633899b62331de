import AIProdCore
import AIProdMedia

/// Where the foley stage gets a sound effect for a category. The local `Foley` (library first,
/// synthesis as fallback) is one answer; a remote SFX service can stand behind the same
/// protocol later without the Director or the pipeline noticing.
public protocol SoundEffectProvider: Sendable {
    /// A playable file for `category`. The same `seed` gives the same effect, so a resumed job
    /// re-renders identically. Files the provider makes (synthesised or downloaded) go into
    /// `directory` (a job's stage folder); files it already has are returned where they are.
    /// When `cancellation` is raised, the provider stops within a fraction of a second and
    /// throws `cancelled`, leaving no partial file.
    func effect(_ category: SoundCategory, seed: UInt64, in directory: String, cancellation: RenderCancellation) throws(StudioError) -> SoundEffect

    /// The library's file for `category`, if the provider has a library (see the extension).
    func libraryEffect(_ category: SoundCategory, seed: UInt64) throws(StudioError) -> SoundEffect?
}

extension SoundEffectProvider {
    /// The studio library's file for `category`, when the provider has a library: what the
    /// foley stage uses before asking a remote effects provider. nil: no library file.
    public func libraryEffect(_ category: SoundCategory, seed: UInt64) throws(StudioError) -> SoundEffect? { nil }

    /// An effect with no way to cancel (benchmarks, tests).
    public func effect(_ category: SoundCategory, seed: UInt64, in directory: String) throws(StudioError) -> SoundEffect {
        try effect(category, seed: seed, in: directory, cancellation: RenderCancellation())
    }
}
