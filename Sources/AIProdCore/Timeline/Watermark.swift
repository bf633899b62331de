/// A logo over the whole video.
public struct Watermark: Codable, Sendable, Hashable {
    public enum Corner: String, Codable, Sendable, Hashable, CaseIterable {
        case topLeft = "top_left", topRight = "top_right", bottomLeft = "bottom_left", bottomRight = "bottom_right"
    }

    public var file: String
    public var corner: Corner
    /// Width of the logo as a fraction of the frame width.
    public var scale: Double
    /// 0 (invisible) … 1 (opaque), multiplied with the image's own alpha.
    public var opacity: Double
    /// Distance from the frame's edges as a fraction of the frame height.
    public var margin: Double

    public init(file: String, corner: Corner = .bottomRight, scale: Double = 0.12, opacity: Double = 0.8, margin: Double = 0.04) {
        self.file = file
        self.corner = corner
        self.scale = scale
        self.opacity = opacity
        self.margin = margin
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        corner = try c.decode(.corner, default: .bottomRight)
        scale = try c.decode(.scale, default: 0.12)
        opacity = try c.decode(.opacity, default: 0.8)
        margin = try c.decode(.margin, default: 0.04)
    }
}
