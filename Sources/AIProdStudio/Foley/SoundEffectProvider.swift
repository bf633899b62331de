import AIProdCore

/// Where the foley stage gets a sound effect for a category. The local `Foley` (library first,
/// synthesis as fallback) is one answer; a remote SFX service can stand behind the same
/// protocol later without the Director or the pipeline noticing.
public protocol SoundEffectProvider: Sendable {
    /// A playable file for `category`. The same `seed` gives the same effect, so a resumed job
    /// re-renders identically. Files the provider makes (synthesised or downloaded) go into
    /// `directory` (a job's stage folder); files it already has are returned where they are.
    func effect(_ category: SoundCategory, seed: UInt64, in directory: String) throws(StudioError) -> SoundEffect
}
