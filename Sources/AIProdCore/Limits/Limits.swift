/// Every bound aiprod puts on what it reads from outside, from the `[limits]` section of
/// aiprod.ini. Each key is optional and defaults to the value documented in etc/aiprod.ini.
public struct Limits: Sendable, Hashable {
    public var media = MediaLimits()
    public var documents = DocumentLimits()

    public init() {}

    /// Reads `[limits]`, keeping defaults for absent keys; a bad value names its key.
    public init(ini: INIFile) throws(ConfigError) {
        func read(_ key: String, _ range: ClosedRange<Int>, into value: inout Int) throws(ConfigError) {
            if let number = try ini.integer("limits", key, in: range) { value = number }
        }
        try read("max_image_width", 16...65_535, into: &media.maxImageWidth)
        try read("max_image_height", 16...65_535, into: &media.maxImageHeight)
        try read("max_image_megapixels", 1...1_000, into: &media.maxImageMegapixels)
        try read("min_sample_rate", 8_000...384_000, into: &media.minSampleRate)
        try read("max_sample_rate", 8_000...384_000, into: &media.maxSampleRate)
        try read("max_channels", 1...8, into: &media.maxChannels)
        try read("max_audio_seconds", 1...86_400, into: &media.maxAudioSeconds)
        try read("max_video_width", 16...16_384, into: &media.maxVideoWidth)
        try read("max_video_height", 16...16_384, into: &media.maxVideoHeight)
        try read("max_video_seconds", 1...86_400, into: &media.maxVideoSeconds)
        try read("max_streams", 1...64, into: &media.maxStreams)
        try read("max_json_bytes", 1_024...256 * 1024 * 1024, into: &documents.maxJSONBytes)
        try read("max_json_depth", 8...256, into: &documents.maxJSONDepth)
        try read("max_clips", 1...100_000, into: &documents.maxClips)
        try read("max_cues", 1...1_000_000, into: &documents.maxCues)
        try read("max_text_layers_per_clip", 1...256, into: &documents.maxTextLayersPerClip)
        try read("max_audio_tracks", 1...100_000, into: &documents.maxAudioTracks)
        guard media.minSampleRate <= media.maxSampleRate else {
            throw ConfigError(section: "limits", key: "min_sample_rate",
                              message: "must not exceed max_sample_rate (\(media.maxSampleRate))")
        }
    }
}
