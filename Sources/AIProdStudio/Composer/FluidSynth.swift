import AIProdMedia
import CFluidSynth
import Foundation

/// One fluidsynth synthesiser for one piece: owns its `fluid_synth_t` and deletes it in
/// `deinit`, having first taken back the borrowed soundfont (which the synthesiser would
/// otherwise free with itself).
///
/// Made fresh for every piece so the same events always give the same samples (see
/// `FluidSoundFont`). Not thread-safe (fluidsynth's API lock is off: every call comes from one
/// render loop), and it shares the font's sample data with any other synthesiser made from
/// the same `FluidSoundFont`: its owner renders one at a time.
final class FluidSynth {
    private let synth: OpaquePointer
    /// Kept alive for as long as this synthesiser plays its samples.
    private let soundFont: FluidSoundFont

    init(soundFont: FluidSoundFont) throws(StudioError) {
        guard let synth = new_fluid_synth(soundFont.settings) else {
            throw StudioError(.synthesisFailed, "fluidsynth: could not create a synthesiser at \(soundFont.sampleRate) Hz")
        }
        guard Self.addReleaseTimeController(to: synth), fluid_synth_add_sfont(synth, soundFont.font) != FLUID_FAILED else {
            delete_fluid_synth(synth)
            throw StudioError(.synthesisFailed, "fluidsynth: could not add the soundfont to a synthesiser")
        }
        // Linear interpolation: ~10 % faster than the default 4th order, and inaudible in a bed
        // that sits ducked under a voice.
        fluid_synth_set_interp_method(synth, -1, Int32(FLUID_INTERP_LINEAR.rawValue))
        self.synth = synth
        self.soundFont = soundFont
    }

    deinit {
        fluid_synth_remove_sfont(synth, soundFont.font)
        delete_fluid_synth(synth)
    }

    /// Makes MIDI CC 72 (release time, a General MIDI 2 sound controller that fluidsynth does
    /// not map by default) scale the volume envelope's release: 64 leaves it, 0 takes
    /// 2400 cents off (a quarter of the time), 127 adds as much.
    private static func addReleaseTimeController(to synth: OpaquePointer) -> Bool {
        guard let modulator = new_fluid_mod() else { return false }
        defer { delete_fluid_mod(modulator) }
        fluid_mod_set_source1(modulator, 72, Int32(FLUID_MOD_CC.rawValue | FLUID_MOD_BIPOLAR.rawValue | FLUID_MOD_LINEAR.rawValue))
        fluid_mod_set_source2(modulator, Int32(FLUID_MOD_NONE.rawValue), Int32(FLUID_MOD_GC.rawValue))
        fluid_mod_set_dest(modulator, Int32(GEN_VOLENVRELEASE.rawValue))
        fluid_mod_set_amount(modulator, 2400)
        return fluid_synth_add_default_mod(synth, modulator, Int32(FLUID_SYNTH_ADD.rawValue)) != FLUID_FAILED
    }

    /// Plays one event now. A missing program is an error (checked on the program change);
    /// a refused note is not (fluidsynth refuses one only when it cannot find a voice to
    /// steal, and a job should not fail for one lost note), nor a note-off for a note already
    /// stolen or ended.
    func play(_ event: NoteEvent) throws(StudioError) {
        let channel = Int32(event.channel)
        switch event.kind {
        case .programChange(let program):
            guard fluid_synth_program_change(synth, channel, Int32(program)) != FLUID_FAILED else {
                throw StudioError(.synthesisFailed, "fluidsynth: the soundfont has no program \(program) for channel \(event.channel + 1)")
            }
        case .controlChange(let controller, let value):
            guard fluid_synth_cc(synth, channel, Int32(controller), Int32(value)) != FLUID_FAILED else {
                throw StudioError(.synthesisFailed, "fluidsynth: controller \(controller) = \(value) refused on channel \(event.channel + 1)")
            }
        case .noteOn(let note, let velocity):
            _ = fluid_synth_noteon(synth, channel, Int32(note), Int32(velocity))
        case .noteOff(let note):
            _ = fluid_synth_noteoff(synth, channel, Int32(note))
        }
    }

    /// Renders `frames` stereo frames interleaved into `output` (left, right, left, …).
    /// Renders in blocks of 8 192 frames (a fraction of a second of work), looking at
    /// `cancellation` before each.
    func render(frames: Int, into output: UnsafeMutablePointer<Float>, cancellation: RenderCancellation) throws(StudioError) {
        var done = 0
        while done < frames {
            if cancellation.isCancelled { throw StudioError(.cancelled, "music cancelled") }
            let count = min(frames - done, 1 << 13)
            let base = UnsafeMutableRawPointer(output + 2 * done)
            guard fluid_synth_write_float(synth, Int32(count), base, 0, 2, base, 1, 2) != FLUID_FAILED else {
                throw StudioError(.synthesisFailed, "fluidsynth: rendering \(count) frames failed")
            }
            done += count
        }
    }
}
