extension Limits: ConfigSection {
    public static let sectionName = "limits"

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("max_image_width", .integer(media.maxImageWidth)),
            ConfigEntry("max_image_height", .integer(media.maxImageHeight)),
            ConfigEntry("max_image_megapixels", .integer(media.maxImageMegapixels)),
            ConfigEntry("min_sample_rate", .integer(media.minSampleRate)),
            ConfigEntry("max_sample_rate", .integer(media.maxSampleRate)),
            ConfigEntry("max_channels", .integer(media.maxChannels)),
            ConfigEntry("max_audio_seconds", .integer(media.maxAudioSeconds)),
            ConfigEntry("max_video_width", .integer(media.maxVideoWidth)),
            ConfigEntry("max_video_height", .integer(media.maxVideoHeight)),
            ConfigEntry("max_video_seconds", .integer(media.maxVideoSeconds)),
            ConfigEntry("max_streams", .integer(media.maxStreams)),
            ConfigEntry("max_json_bytes", .integer(documents.maxJSONBytes)),
            ConfigEntry("max_json_depth", .integer(documents.maxJSONDepth)),
            ConfigEntry("max_clips", .integer(documents.maxClips)),
            ConfigEntry("max_cues", .integer(documents.maxCues)),
            ConfigEntry("max_text_layers_per_clip", .integer(documents.maxTextLayersPerClip)),
            ConfigEntry("max_audio_tracks", .integer(documents.maxAudioTracks)),
        ]
    }
}
