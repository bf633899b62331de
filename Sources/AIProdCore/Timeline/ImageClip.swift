/// A still image, optionally moving (Ken Burns).
public struct ImageClip: Codable, Sendable, Hashable {
    public var file: String
    public var fit: Fit
    public var kenBurns: KenBurns?

    public init(file: String, fit: Fit = .cover, kenBurns: KenBurns? = nil) {
        self.file = file
        self.fit = fit
        self.kenBurns = kenBurns
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        fit = try c.decode(.fit, default: .cover)
        kenBurns = try c.decodeIfPresent(KenBurns.self, forKey: .kenBurns)
    }
}
