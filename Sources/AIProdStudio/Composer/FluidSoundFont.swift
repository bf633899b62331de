import CFluidSynth

/// A SoundFont loaded once and lent to short-lived synthesisers: owns the `fluid_settings_t`
/// they are all made from and the loading `fluid_synth_t` that owns the font; frees both in
/// `deinit`.
///
/// Why lend rather than reuse one synthesiser: `fluid_synth_system_reset` does not return a
/// synthesiser to its fresh state (voices fade out over a release, the reverb and chorus keep
/// their phase, a part-read block stays buffered), so a second piece rendered on the same
/// instance differs from the first rendered on a new one. A new synthesiser per piece is
/// cheap (about a millisecond); loading the font is not (about 20 ms and 6 MB of samples),
/// so the font is loaded here once and added to each new synthesiser with
/// `fluid_synth_add_sfont` (which does not copy it), then removed before that one is deleted.
final class FluidSoundFont {
    let settings: OpaquePointer
    private let loader: OpaquePointer
    /// The loaded font; owned by `loader`, valid until this object goes.
    let font: OpaquePointer
    let sampleRate: Int

    /// Loads `path`, which the caller has checked is a readable SoundFont file.
    init(path: String, sampleRate: Int) throws(StudioError) {
        aiprod_fluid_quiet()
        guard let settings = new_fluid_settings() else {
            throw StudioError(.synthesisFailed, "fluidsynth: could not create settings")
        }
        // A modest room and half gain (a dense chord at full velocity stays below full scale).
        // No chorus: it costs a sixth of the render for little a music bed needs. At most 24
        // voices: General MIDI strings and pads take up to five voices a note and ring for
        // seconds after release; past 24, fluidsynth steals the quietest released voices first.
        // One core: a multi-core mix may sum voices in another order, and the same score must
        // give the same samples.
        for (name, value) in [
            ("synth.sample-rate", Double(sampleRate)), ("synth.gain", 0.5),
            ("synth.reverb.room-size", 0.55), ("synth.reverb.damp", 0.4), ("synth.reverb.width", 0.8),
            ("synth.reverb.level", 0.5),
        ] {
            fluid_settings_setnum(settings, name, value)
        }
        for (name, value) in [
            ("synth.reverb.active", 1), ("synth.chorus.active", 0), ("synth.threadsafe-api", 0),
            ("synth.cpu-cores", 1), ("synth.polyphony", 24),
        ] {
            fluid_settings_setint(settings, name, Int32(value))
        }
        guard let loader = new_fluid_synth(settings) else {
            delete_fluid_settings(settings)
            throw StudioError(.synthesisFailed, "fluidsynth: could not create a synthesiser at \(sampleRate) Hz")
        }
        let id = fluid_synth_sfload(loader, path, 0)
        guard id != FLUID_FAILED, let font = fluid_synth_get_sfont_by_id(loader, id) else {
            delete_fluid_synth(loader)
            delete_fluid_settings(settings)
            throw StudioError(.soundfontMissing, "soundfont \(path) could not be loaded; install timgm6mb-soundfont or set [studio] soundfont")
        }
        self.settings = settings
        self.loader = loader
        self.font = font
        self.sampleRate = sampleRate
    }

    deinit {
        delete_fluid_synth(loader)  // frees the font
        delete_fluid_settings(settings)
    }
}
