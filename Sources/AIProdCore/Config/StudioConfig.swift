/// The `[studio]` section of aiprod.ini: limits and the local generators' resources.
public struct StudioConfig: Sendable, Hashable {
    /// Longest script accepted, in characters.
    public var maxScriptCharacters = 50_000
    /// General MIDI soundfont for the composer.
    public var soundfont = "/usr/share/sounds/sf2/TimGM6mb.sf2"
    /// espeak-ng voice per language.
    public var voices: [Language: String] = [.english: "en-us", .french: "fr-fr"]
    /// Speaking rate, words per minute (espeak-ng's default is 175).
    public var wordsPerMinute = 165
    /// Voice pitch, 0…100 (50 is the voice's own).
    public var pitch = 50
    /// Folder of sound effects, `<category>/*.wav|ogg|flac`; nil: synthesise every effect.
    public var soundLibrary: String?
    /// The studio's logo, drawn over every video of a script render; nil: none.
    public var watermark: String?
    /// Who writes scripts from prompts and plans scripts (`planner = local-llm, offline`).
    public var planner = ProviderChain()
    /// Who speaks the narration (`voice = kokoro, offline`).
    public var voice = ProviderChain()
    /// Who makes a scene's picture when the job's own assets have none for it, in order: image
    /// generators and stock libraries (`visuals = sd-local, pexels, offline`); offline is the
    /// title card.
    public var visuals = ProviderChain()
    /// Who turns a scene's still into motion (`motion = runway, offline`); offline keeps the
    /// still, moving it with Ken Burns.
    public var motion = ProviderChain()
    /// Who finds a recorded effect when the sound library has none (`effects = freesound`);
    /// offline synthesises it.
    public var effects = ProviderChain()
    /// Who makes a piece of music when the music library has none for the mood; offline
    /// composes it with fluidsynth.
    public var music = ProviderChain()
    /// Words added to every generated picture's prompt, so a job's pictures share a look; empty:
    /// the preset's style.
    public var style = ""

    public init() {}

    public typealias Invalid = ConfigError

    /// Reads `[studio]`, keeping defaults for absent keys; bad values are errors naming the key.
    public init(ini: INIFile) throws(Invalid) {
        if let value = try ini.integer("studio", "max_script_characters", in: 1...10_000_000) { maxScriptCharacters = value }
        if let value = try ini.integer("studio", "words_per_minute", in: 80...450) { wordsPerMinute = value }
        if let value = try ini.integer("studio", "pitch", in: 0...100) { pitch = value }
        if let value = ini.string("studio", "soundfont") { soundfont = value }
        if let value = ini.string("studio", "voice_en") { voices[.english] = value }
        if let value = ini.string("studio", "voice_fr") { voices[.french] = value }
        if let value = ini.string("studio", "sound_library") { soundLibrary = value }
        if let value = ini.string("studio", "watermark") { watermark = value }
        if let value = ini.string("studio", "planner") { planner = try ProviderChain.parse(value, section: "studio", key: "planner") }
        if let value = ini.string("studio", "voice") { voice = try ProviderChain.parse(value, section: "studio", key: "voice") }
        if let value = ini.string("studio", "visuals") { visuals = try ProviderChain.parse(value, section: "studio", key: "visuals") }
        if let value = ini.string("studio", "motion") { motion = try ProviderChain.parse(value, section: "studio", key: "motion") }
        if let value = ini.string("studio", "effects") { effects = try ProviderChain.parse(value, section: "studio", key: "effects") }
        if let value = ini.string("studio", "music") { music = try ProviderChain.parse(value, section: "studio", key: "music") }
        if let value = ini.string("studio", "style") {
            guard value.utf8.count <= 500 else { throw ConfigError(section: "studio", key: "style", message: "is at most 500 bytes") }
            style = value
        }
    }
}
