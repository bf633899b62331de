/// `[costs]`: prices the cost estimate and the monthly spend are computed with. Compute is this
/// machine's time; the per-unit prices are for the remote providers (LLM, TTS, image, video,
/// music) that come later and are 0 until one is configured.
public struct CostsConfig: ConfigSection {
    public static let sectionName = "costs"
    /// What an hour of this machine's rendering costs (power, amortised hardware).
    public var computeUsdPerHour = 0.10
    public var llmUsdPer1kTokens = 0.0
    public var ttsUsdPer1kCharacters = 0.0
    public var imageUsdEach = 0.0
    public var videoUsdPerSecond = 0.0
    public var musicUsdPerTrack = 0.0

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        func read(_ key: String, into value: inout Double) throws(ConfigError) {
            if let number = try ini.number(Self.sectionName, key, in: 0...1_000_000) { value = number }
        }
        try read("compute_usd_per_hour", into: &computeUsdPerHour)
        try read("llm_usd_per_1k_tokens", into: &llmUsdPer1kTokens)
        try read("tts_usd_per_1k_chars", into: &ttsUsdPer1kCharacters)
        try read("image_usd_each", into: &imageUsdEach)
        try read("video_usd_per_second", into: &videoUsdPerSecond)
        try read("music_usd_per_track", into: &musicUsdPerTrack)
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("compute_usd_per_hour", .number(computeUsdPerHour)),
            ConfigEntry("llm_usd_per_1k_tokens", .number(llmUsdPer1kTokens)),
            ConfigEntry("tts_usd_per_1k_chars", .number(ttsUsdPer1kCharacters)),
            ConfigEntry("image_usd_each", .number(imageUsdEach)),
            ConfigEntry("video_usd_per_second", .number(videoUsdPerSecond)),
            ConfigEntry("music_usd_per_track", .number(musicUsdPerTrack)),
        ]
    }
}
