/// What a request asks for: a script (or a ready Timeline) and how to render it. Stored with the
/// job as JSON (``JSONCoding``, snake_case) and decoded strictly
/// (`TimelineDecoder(limits:).decodeStrict(JobSpec.self, from:)`), so the queue can run it again
/// after a restart exactly as it was asked.
public struct JobSpec: Codable, Sendable, Hashable {
    /// The text to plan and narrate (French or English). Exactly one of `script`, `prompt` and
    /// `timeline`.
    public var script: String?
    /// What the video is about, for the planner's LLM to write the script from ("60 seconds on
    /// the Gull Rock lighthouse, calm, for families"). With no LLM in the chain, the prompt is
    /// narrated as the script, with a warning.
    public var prompt: String?
    /// A Timeline to render as it is (`POST /timeline/render`): its media files are asset ids,
    /// resolved from the asset store into the job's folder.
    public var timeline: Timeline?
    public var title: String?
    /// nil: detected from the script.
    public var language: Language?
    /// A built-in preset's name (``Preset/named(_:)``); nil: from `aspect_ratio`, else the
    /// configured default.
    public var preset: String?
    public var aspectRatio: AspectRatio?
    /// Target length of the video in seconds; nil: as long as the narration needs.
    public var duration: Rational?
    public var seed: UInt64
    /// An espeak-ng voice name overriding `[studio] voice_en|voice_fr`.
    public var voice: String?
    public var music: MusicRequest
    /// Sound effects on the plan's cues (foley); false: none.
    public var effects: Bool
    public var subtitles: SubtitleRequest
    /// Uploaded assets (``AssetID`` strings) the director picks pictures and clips from.
    public var assetIds: [String]
    /// Where to POST the job when it ends (signed, see docs); nil: no webhook.
    public var webhookUrl: String?
    /// Higher runs first; 0 is normal. Range -100…100.
    public var priority: Int
    /// Where in `[studio]`'s chains to start (a provider's name, or `offline`); never a URL.
    public var providers: ProviderRequest
    /// Words added to every generated picture's prompt (at most 500 characters); nil: `[studio]
    /// style`, else the preset's.
    public var style: String?
    /// What a video asset shorter than its scene does at its end: hold its last frame, or loop.
    public var shortVideos: ShortVideoFit
    /// Add a closing card with the credit lines that outside media's licences require (CC BY).
    public var creditRoll: Bool

    public init(
        script: String? = nil, timeline: Timeline? = nil, title: String? = nil, language: Language? = nil,
        preset: String? = nil, aspectRatio: AspectRatio? = nil, duration: Rational? = nil, seed: UInt64 = 1,
        voice: String? = nil, music: MusicRequest = MusicRequest(), effects: Bool = true,
        subtitles: SubtitleRequest = SubtitleRequest(), assetIds: [String] = [], webhookUrl: String? = nil, priority: Int = 0,
        prompt: String? = nil, providers: ProviderRequest = ProviderRequest(), style: String? = nil,
        shortVideos: ShortVideoFit = .hold, creditRoll: Bool = false
    ) {
        self.script = script
        self.style = style
        self.shortVideos = shortVideos
        self.creditRoll = creditRoll
        self.prompt = prompt
        self.providers = providers
        self.timeline = timeline
        self.title = title
        self.language = language
        self.preset = preset
        self.aspectRatio = aspectRatio
        self.duration = duration
        self.seed = seed
        self.voice = voice
        self.music = music
        self.effects = effects
        self.subtitles = subtitles
        self.assetIds = assetIds
        self.webhookUrl = webhookUrl
        self.priority = priority
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        script = try c.decodeIfPresent(String.self, forKey: .script)
        prompt = try c.decodeIfPresent(String.self, forKey: .prompt)
        providers = try c.decode(.providers, default: ProviderRequest())
        timeline = try c.decodeIfPresent(Timeline.self, forKey: .timeline)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        language = try c.decodeIfPresent(Language.self, forKey: .language)
        preset = try c.decodeIfPresent(String.self, forKey: .preset)
        aspectRatio = try c.decodeIfPresent(AspectRatio.self, forKey: .aspectRatio)
        duration = try c.decodeIfPresent(Rational.self, forKey: .duration)
        seed = try c.decodeInteger(.seed, default: 1)
        voice = try c.decodeIfPresent(String.self, forKey: .voice)
        music = try c.decode(.music, default: MusicRequest())
        effects = try c.decode(.effects, default: true)
        subtitles = try c.decode(.subtitles, default: SubtitleRequest())
        assetIds = try c.decode(.assetIds, default: [])
        webhookUrl = try c.decodeIfPresent(String.self, forKey: .webhookUrl)
        priority = try c.decodeInteger(.priority, default: 0)
        style = try c.decodeIfPresent(String.self, forKey: .style)
        shortVideos = try c.decode(.shortVideos, default: .hold)
        creditRoll = try c.decode(.creditRoll, default: false)
    }
}

/// What a video shorter than its scene does once it has played.
public enum ShortVideoFit: String, Codable, Sendable, Hashable, CaseIterable {
    /// Its last frame stays until the scene ends.
    case hold
    /// It starts again from its beginning.
    case loop
}

/// `16:9`, `9:16` or `1:1`: picks a preset when none is named.
public enum AspectRatio: String, Codable, Sendable, Hashable, CaseIterable {
    case landscape = "16:9"
    case portrait = "9:16"
    case square = "1:1"
}

/// The music bed: its mood (nil: the plan's dominant mood) and level.
public struct MusicRequest: Codable, Sendable, Hashable {
    public var mood: Mood?
    /// Gain of the music bed in dB relative to the director's default, -40…+12; nil: default.
    public var volumeDb: Double?
    /// false: no music at all.
    public var enabled: Bool

    public init(mood: Mood? = nil, volumeDb: Double? = nil, enabled: Bool = true) {
        self.mood = mood
        self.volumeDb = volumeDb
        self.enabled = enabled
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mood = try c.decodeIfPresent(Mood.self, forKey: .mood)
        volumeDb = try c.decodeIfPresent(Double.self, forKey: .volumeDb)
        enabled = try c.decode(.enabled, default: true)
    }
}

/// Subtitles: burnt into the picture, exported as SRT and WebVTT files, both or neither.
public struct SubtitleRequest: Codable, Sendable, Hashable {
    public var burn: Bool
    public var export: Bool

    public init(burn: Bool = true, export: Bool = true) {
        self.burn = burn
        self.export = export
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        burn = try c.decode(.burn, default: true)
        export = try c.decode(.export, default: true)
    }
}
