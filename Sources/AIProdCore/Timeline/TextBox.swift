/// A filled box behind text, for legibility over busy pictures.
public struct TextBox: Codable, Sendable, Hashable {
    /// Box colour; its alpha (`#RRGGBBAA`) is the box's opacity.
    public var color: RGBAColor
    /// Space around the text, in pixels.
    public var padding: Int

    public init(color: RGBAColor = RGBAColor(red: 0, green: 0, blue: 0, alpha: 140), padding: Int = 16) {
        self.color = color
        self.padding = padding
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        color = try c.decode(.color, default: RGBAColor(red: 0, green: 0, blue: 0, alpha: 140))
        padding = try c.decodeInteger(.padding, default: 16)
    }
}
