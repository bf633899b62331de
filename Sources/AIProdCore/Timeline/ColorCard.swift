/// A plain colour card.
public struct ColorCard: Codable, Sendable, Hashable {
    public var color: RGBAColor

    public init(color: RGBAColor) { self.color = color }
}
