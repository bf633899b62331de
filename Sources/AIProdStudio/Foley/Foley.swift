import AIProdCore
import AIProdMedia

/// The foley stage's provider: the studio's sound library when it has a file for the
/// category, else a synthesised effect of that kind. Every category can be synthesised, so
/// an effect is always found; only a broken library file is an error.
public struct Foley: SoundEffectProvider {
    public var library: SoundLibrary
    public var synthesiser: EffectSynthesiser

    public init(library: SoundLibrary = SoundLibrary(root: nil), synthesiser: EffectSynthesiser = EffectSynthesiser()) {
        self.library = library
        self.synthesiser = synthesiser
    }

    /// The library configured by `[studio] sound_library` (scanned now), or synthesis only.
    public init(config: StudioConfig) {
        self.init(library: SoundLibrary(root: config.soundLibrary))
    }

    public func libraryEffect(_ category: SoundCategory, seed: UInt64) throws(StudioError) -> SoundEffect? {
        try library.pick(category, seed: seed)
    }

    public func effect(_ category: SoundCategory, seed: UInt64, in directory: String, cancellation: RenderCancellation) throws(StudioError) -> SoundEffect {
        if cancellation.isCancelled { throw StudioError(.cancelled, "foley cancelled") }
        if let picked = try library.pick(category, seed: seed) { return picked }
        return try synthesiser.effect(category, seed: seed, in: directory, cancellation: cancellation)
    }
}
