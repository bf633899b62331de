/// A job's choice of providers: for each stage, the name in `[studio]`'s chain to start from
/// (`offline` skips the remote ones). Only names the operator configured are accepted, so a job
/// can choose among the studio's services but never point the daemon at a URL of its own.
public struct ProviderRequest: Codable, Sendable, Hashable {
    /// Starts the `planner` chain (script writing and planning) here.
    public var planner: String?
    /// Starts the `voice` chain here.
    public var voice: String?

    public init(planner: String? = nil, voice: String? = nil) {
        self.planner = planner
        self.voice = voice
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        planner = try c.decodeIfPresent(String.self, forKey: .planner)
        voice = try c.decodeIfPresent(String.self, forKey: .voice)
    }
}
