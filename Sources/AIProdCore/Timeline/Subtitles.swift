/// Subtitle cues, burned into the picture when `burn_in` is true, and exportable as SRT/WebVTT.
public struct Subtitles: Codable, Sendable, Hashable {
    public var cues: [SubtitleCue]
    public var burnIn: Bool
    public var style: SubtitleStyle

    public init(cues: [SubtitleCue], burnIn: Bool = true, style: SubtitleStyle = SubtitleStyle()) {
        self.cues = cues
        self.burnIn = burnIn
        self.style = style
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cues = try c.decode([SubtitleCue].self, forKey: .cues)
        burnIn = try c.decode(.burnIn, default: true)
        style = try c.decode(.style, default: SubtitleStyle())
    }
}
