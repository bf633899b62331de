/// A two-colour linear gradient card, optionally drifting slowly so a long title card does
/// not look frozen, and optionally textured so it looks alive rather than flat.
public struct GradientCard: Codable, Sendable, Hashable {
    public var from: RGBAColor
    public var to: RGBAColor
    /// Direction of the gradient in degrees: 0 is left→right, 90 top→bottom.
    public var angle: Double
    /// Gentle motion: the gradient's axis turns slowly over the clip.
    public var motion: Bool
    /// Texture: a second, fainter gradient of the same colours turning at another speed over
    /// the first (parallax) and a fine moving grain, so consecutive frames differ gently and a
    /// card held for a whole scene does not read as a frozen frame.
    public var texture: Bool

    public init(from: RGBAColor, to: RGBAColor, angle: Double = 90, motion: Bool = false, texture: Bool = false) {
        self.from = from
        self.to = to
        self.angle = angle
        self.motion = motion
        self.texture = texture
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(RGBAColor.self, forKey: .from)
        to = try c.decode(RGBAColor.self, forKey: .to)
        angle = try c.decode(.angle, default: 90)
        motion = try c.decode(.motion, default: false)
        texture = try c.decode(.texture, default: false)
    }
}
