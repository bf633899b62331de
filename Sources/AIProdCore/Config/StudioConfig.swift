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

    public init() {}

    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { "[studio] \(key): \(message)" }
    }

    /// Reads `[studio]`, keeping defaults for absent keys; bad values are errors naming the key.
    public init(ini: INIFile) throws(Invalid) {
        func integer(_ key: String, _ range: ClosedRange<Int>) throws(Invalid) -> Int? {
            guard let text = ini.value("studio", key) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw Invalid(key: key, message: "must be a whole number in \(range.lowerBound)…\(range.upperBound), got \"\(text)\"")
            }
            return value
        }
        if let value = try integer("max_script_characters", 1...10_000_000) { maxScriptCharacters = value }
        if let value = try integer("words_per_minute", 80...450) { wordsPerMinute = value }
        if let value = try integer("pitch", 0...100) { pitch = value }
        if let value = ini.value("studio", "soundfont"), !value.isEmpty { soundfont = value }
        if let value = ini.value("studio", "voice_en"), !value.isEmpty { voices[.english] = value }
        if let value = ini.value("studio", "voice_fr"), !value.isEmpty { voices[.french] = value }
        if let value = ini.value("studio", "sound_library"), !value.isEmpty { soundLibrary = value }
        if let value = ini.value("studio", "watermark"), !value.isEmpty { watermark = value }
    }
}
