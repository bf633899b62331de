/// Slow camera motion over a still.
///
/// Either a preset move — `zoom` in or out by `amount` and/or `pan` towards a direction — or
/// explicit `from`/`to` windows in the image's normalised coordinates. The window always keeps
/// the output's aspect ratio (an explicit rect is widened or heightened around its centre to
/// match) and stays inside the image.
public struct KenBurns: Codable, Sendable, Hashable {
    public enum Zoom: String, Codable, Sendable, Hashable, CaseIterable { case none, `in`, out }

    public enum Pan: String, Codable, Sendable, Hashable, CaseIterable {
        case none, left, right, up, down
        case upLeft = "up_left", upRight = "up_right", downLeft = "down_left", downRight = "down_right"
    }

    public enum Easing: String, Codable, Sendable, Hashable, CaseIterable {
        case linear
        case easeInOut = "ease_in_out"
    }

    public var zoom: Zoom
    /// How much the window shrinks (zoom in) or grows (zoom out): 0.2 means a 1.2× zoom.
    public var amount: Double
    public var pan: Pan
    public var from: NormalizedRect?
    public var to: NormalizedRect?
    public var easing: Easing

    public init(
        zoom: Zoom = .none, amount: Double = 0.2, pan: Pan = .none,
        from: NormalizedRect? = nil, to: NormalizedRect? = nil, easing: Easing = .linear
    ) {
        self.zoom = zoom
        self.amount = amount
        self.pan = pan
        self.from = from
        self.to = to
        self.easing = easing
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        zoom = try c.decode(.zoom, default: .none)
        amount = try c.decode(.amount, default: 0.2)
        pan = try c.decode(.pan, default: .none)
        from = try c.decodeIfPresent(NormalizedRect.self, forKey: .from)
        to = try c.decodeIfPresent(NormalizedRect.self, forKey: .to)
        easing = try c.decode(.easing, default: .linear)
    }
}
