/// How burned-in subtitles look.
public struct SubtitleStyle: Codable, Sendable, Hashable {
    public enum Position: String, Codable, Sendable, Hashable, CaseIterable { case bottom, top }

    public var font: String
    /// Font size in pixels of the output frame; nil means 5.5% of the frame height.
    public var size: Int?
    public var color: RGBAColor
    public var outlineColor: RGBAColor
    /// Outline thickness in pixels.
    public var outline: Double
    public var position: Position
    /// Distance from the top or bottom edge as a fraction of the frame height.
    public var margin: Double

    public init(
        font: String = "DejaVu Sans", size: Int? = nil, color: RGBAColor = .white,
        outlineColor: RGBAColor = .black, outline: Double = 2, position: Position = .bottom, margin: Double = 0.06
    ) {
        self.font = font
        self.size = size
        self.color = color
        self.outlineColor = outlineColor
        self.outline = outline
        self.position = position
        self.margin = margin
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        font = try c.decode(.font, default: "DejaVu Sans")
        size = try c.decodeIntegerIfPresent(Int.self, forKey: .size)
        color = try c.decode(.color, default: .white)
        outlineColor = try c.decode(.outlineColor, default: .black)
        outline = try c.decode(.outline, default: 2)
        position = try c.decode(.position, default: .bottom)
        margin = try c.decode(.margin, default: 0.06)
    }
}
