extension StudioConfig: ConfigSection {
    public static let sectionName = "studio"

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("max_script_characters", .integer(maxScriptCharacters)),
            ConfigEntry("soundfont", .string(soundfont)),
            ConfigEntry("voice_en", ConfigValue(voices[.english])),
            ConfigEntry("voice_fr", ConfigValue(voices[.french])),
            ConfigEntry("words_per_minute", .integer(wordsPerMinute)),
            ConfigEntry("pitch", .integer(pitch)),
            ConfigEntry("sound_library", ConfigValue(soundLibrary)),
            ConfigEntry("watermark", ConfigValue(watermark)),
            ConfigEntry("planner", .string(planner.description)),
            ConfigEntry("voice", .string(voice.description)),
            ConfigEntry("visuals", .string(visuals.description)),
            ConfigEntry("motion", .string(motion.description)),
            ConfigEntry("effects", .string(effects.description)),
            ConfigEntry("music", .string(music.description)),
            ConfigEntry("style", .string(style)),
        ]
    }
}
