import AIProdCore
import AIProdStudio

/// The local studio's providers, chosen from the configuration: the offline planner, espeak-ng,
/// fluidsynth with the configured soundfont, the sound library with synthesis as fallback. The
/// one place the CLI and the daemon make that choice.
public enum StudioFactory {
    public typealias LocalRunner = StageRunner<OfflinePlanner, EspeakNarrator, FluidSynthComposer, Foley>

    /// A runner on the local providers. Loads the soundfont now, so a missing one is reported
    /// at start-up (`soundfont_missing`), not in the middle of a job.
    /// `remote`: the providers the plan and narrate stages try first (none by default);
    /// `music`: `[music]`, the library and mood changes the score stage uses.
    public static func runner(studio: StudioConfig, limits: Limits = Limits(), defaultPreset: String? = nil,
                              remote: RemoteStudio = .offline, music: MusicConfig = MusicConfig()) throws(PipelineError) -> LocalRunner {
        let composer: FluidSynthComposer
        do {
            composer = try FluidSynthComposer(config: studio)
        } catch {
            throw PipelineError(error, stage: nil)
        }
        return StageRunner(
            planner: OfflinePlanner(config: studio), narrator: EspeakNarrator(config: studio), composer: composer,
            effects: Foley(config: studio),
            settings: RunnerSettings(limits: limits, defaultPreset: defaultPreset, watermark: studio.watermark, music: music),
            remote: remote)
    }

    /// The dry run on the same planner.
    public static func dryRun(studio: StudioConfig, defaultPreset: String? = nil, presets: [Preset] = []) -> StudioDryRun<OfflinePlanner> {
        StudioDryRun(planner: OfflinePlanner(config: studio), defaultPreset: defaultPreset, presets: presets)
    }
}
