/// A colour written `"#RRGGBB"` or `"#RRGGBBAA"` in JSON.
public struct RGBAColor: Sendable, Hashable, Codable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    public static let black = RGBAColor(red: 0, green: 0, blue: 0)
    public static let white = RGBAColor(red: 255, green: 255, blue: 255)

    /// Parses `#RRGGBB` or `#RRGGBBAA` (the `#` is optional).
    public init?(hex: String) {
        var text = Substring(hex)
        if text.hasPrefix("#") { text = text.dropFirst() }
        guard text.count == 6 || text.count == 8, let value = UInt32(text, radix: 16) else { return nil }
        let full = text.count == 6 ? (value << 8) | 0xFF : value
        self.init(
            red: UInt8(full >> 24), green: UInt8((full >> 16) & 0xFF),
            blue: UInt8((full >> 8) & 0xFF), alpha: UInt8(full & 0xFF))
    }

    /// `#RRGGBB` or `#RRGGBBAA` when not opaque.
    public var description: String {
        let hex = { (v: UInt8) in String(v, radix: 16, uppercase: true).leftPadded(to: 2) }
        return "#" + hex(red) + hex(green) + hex(blue) + (alpha == 255 ? "" : hex(alpha))
    }

    /// `0xRRGGBB` as libavfilter colour options take it (alpha separately, `@0.5`).
    public var ffmpegHex: String {
        let hex = { (v: UInt8) in String(v, radix: 16, uppercase: true).leftPadded(to: 2) }
        return "0x" + hex(red) + hex(green) + hex(blue)
    }

    public var opacity: Double { Double(alpha) / 255 }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let color = RGBAColor(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a colour \"#RRGGBB\" or \"#RRGGBBAA\", got \"\(text)\"")
        }
        self = color
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
