/// A job's choice of providers: for each stage, the name in `[studio]`'s chain to start from
/// (`offline` skips the remote ones). Only names the operator configured are accepted, so a job
/// can choose among the studio's services but never point the daemon at a URL of its own.
public struct ProviderRequest: Codable, Sendable, Hashable {
    /// Starts the `planner` chain (script writing and planning) here.
    public var planner: String?
    /// Starts the `voice` chain here.
    public var voice: String?
    /// Starts the `visuals` chain (generated and stock pictures) here.
    public var visuals: String?
    /// Starts the `motion` chain here.
    public var motion: String?
    /// Starts the `effects` chain here.
    public var effects: String?
    /// Starts the `music` chain here.
    public var music: String?

    public init(
        planner: String? = nil, voice: String? = nil, visuals: String? = nil, motion: String? = nil, effects: String? = nil,
        music: String? = nil
    ) {
        self.planner = planner
        self.voice = voice
        self.visuals = visuals
        self.motion = motion
        self.effects = effects
        self.music = music
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        planner = try c.decodeIfPresent(String.self, forKey: .planner)
        voice = try c.decodeIfPresent(String.self, forKey: .voice)
        visuals = try c.decodeIfPresent(String.self, forKey: .visuals)
        motion = try c.decodeIfPresent(String.self, forKey: .motion)
        effects = try c.decodeIfPresent(String.self, forKey: .effects)
        music = try c.decodeIfPresent(String.self, forKey: .music)
    }
}
