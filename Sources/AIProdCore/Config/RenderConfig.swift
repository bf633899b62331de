/// `[render]`: what a job gets when its request does not say.
public struct RenderConfig: ConfigSection {
    public static let sectionName = "render"
    /// A built-in preset (`aiprod` `GET /presets`) for jobs that name neither a preset nor an
    /// aspect ratio.
    public var defaultPreset = Preset.web720p.name
    /// libx264 speed/size trade-off for script renders.
    public var x264Preset = EncodingSettings().preset
    /// libx264 constant rate factor, 0–51 (lower: better and bigger).
    public var crf = EncodingSettings().crf

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        let name = Self.sectionName
        if let value = ini.value(name, "default_preset") {
            guard Preset.named(value) != nil else {
                throw ConfigError(section: name, key: "default_preset",
                                  message: "must be one of \(Preset.builtin.map(\.name).joined(separator: ", ")), got \"\(value)\"")
            }
            defaultPreset = value
        }
        if let value = ini.value(name, "x264_preset") {
            guard EncodingSettings.presets.contains(value) else {
                throw ConfigError(section: name, key: "x264_preset",
                                  message: "must be one of \(EncodingSettings.presets.joined(separator: ", ")), got \"\(value)\"")
            }
            x264Preset = value
        }
        if let value = try ini.integer(name, "crf", in: 0...51) { crf = value }
    }

    public var entries: [ConfigEntry] {
        [
            ConfigEntry("default_preset", .string(defaultPreset)),
            ConfigEntry("x264_preset", .string(x264Preset)),
            ConfigEntry("crf", .integer(crf)),
        ]
    }
}
