import AIProdCore

/// The operator's choices a run needs besides the job's own: the bounds on what is read
/// (`[limits]`), the preset used when a job names none, the studio's watermark and its music
/// (`[music]`).
public struct RunnerSettings: Sendable, Hashable {
    public var limits: Limits
    /// A built-in preset's name (`[render] default_preset`); nil: `web-720p`.
    public var defaultPreset: String?
    /// An image drawn over every frame of a script job (`[studio] watermark`); nil: none.
    public var watermark: String?
    /// Presets a job may name besides the built-in ones (looked up first).
    public var presets: [Preset]
    /// The studio's music library and how pieces change with the mood (`[music]`).
    public var music: MusicConfig

    public init(limits: Limits = Limits(), defaultPreset: String? = nil, watermark: String? = nil, presets: [Preset] = [],
                music: MusicConfig = MusicConfig()) {
        self.limits = limits
        self.defaultPreset = defaultPreset
        self.watermark = watermark
        self.presets = presets
        self.music = music
    }
}
