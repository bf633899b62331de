/// Text drawn over a clip. Times are relative to the clip's start.
public struct TextLayer: Codable, Sendable, Hashable {
    public enum Placement: String, Codable, Sendable, Hashable, CaseIterable {
        /// Centred, large.
        case title
        /// Bottom-left band, for names and places.
        case lowerThird = "lower_third"
        /// At `x`, `y` (fractions of the frame: the text's top-left corner).
        case free
    }

    public var text: String
    public var placement: Placement
    /// Only with `free`: left edge as a fraction of the width (0…1).
    public var x: Double?
    /// Only with `free`: top edge as a fraction of the height (0…1).
    public var y: Double?
    /// A font family (`"DejaVu Sans"`, `"DejaVu Serif Bold"`) or a path to a .ttf/.otf file.
    public var font: String
    /// Font size in pixels of the output frame; nil picks one from the placement and frame height.
    public var size: Int?
    public var color: RGBAColor
    public var box: TextBox?
    public var start: Rational
    /// When the text disappears; nil means the end of the clip.
    public var end: Rational?
    public var fadeIn: Rational
    public var fadeOut: Rational

    public init(
        text: String, placement: Placement = .title, x: Double? = nil, y: Double? = nil,
        font: String = "DejaVu Sans", size: Int? = nil, color: RGBAColor = .white, box: TextBox? = nil,
        start: Rational = .zero, end: Rational? = nil, fadeIn: Rational = .zero, fadeOut: Rational = .zero
    ) {
        self.text = text
        self.placement = placement
        self.x = x
        self.y = y
        self.font = font
        self.size = size
        self.color = color
        self.box = box
        self.start = start
        self.end = end
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        placement = try c.decode(.placement, default: .title)
        x = try c.decodeIfPresent(Double.self, forKey: .x)
        y = try c.decodeIfPresent(Double.self, forKey: .y)
        font = try c.decode(.font, default: "DejaVu Sans")
        size = try c.decodeIntegerIfPresent(Int.self, forKey: .size)
        color = try c.decode(.color, default: .white)
        box = try c.decodeIfPresent(TextBox.self, forKey: .box)
        start = try c.decode(.start, default: .zero)
        end = try c.decodeIfPresent(Rational.self, forKey: .end)
        fadeIn = try c.decode(.fadeIn, default: .zero)
        fadeOut = try c.decode(.fadeOut, default: .zero)
    }
}
