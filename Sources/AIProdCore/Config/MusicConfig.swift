/// `[music]`: the studio's own music, and when a long video changes pieces.
public struct MusicConfig: ConfigSection {
    public static let sectionName = "music"
    /// A folder of the studio's licensed music: a sub-folder per mood (`calm/`, `upbeat/`…), or
    /// files anywhere in it with a `NAME.tags` sidecar naming their moods. nil: none.
    public var library: String?
    /// A mood must last this long (seconds of video) to get a piece of its own; shorter changes
    /// stay in the surrounding piece.
    public var minMoodSeconds = 20.0
    /// Length of the crossfade between two pieces, seconds.
    public var crossfadeSeconds = 3.0

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        library = ini.string(Self.sectionName, "library")
        if let value = try ini.number(Self.sectionName, "min_mood_seconds", in: 5...3_600) { minMoodSeconds = value }
        if let value = try ini.number(Self.sectionName, "crossfade_seconds", in: 0.1...15) { crossfadeSeconds = value }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("library", ConfigValue(library)),
            ConfigEntry("min_mood_seconds", .number(minMoodSeconds)),
            ConfigEntry("crossfade_seconds", .number(crossfadeSeconds)),
        ]
    }
}
