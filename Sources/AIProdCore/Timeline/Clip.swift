/// One shot of the video track.
///
/// JSON: `{"duration": 5, "image": {...}}` — exactly one of `image`, `video`, `color`,
/// `gradient` names what the clip shows. `transition` is the transition *from the previous clip
/// into this one*; it overlaps the two clips, so the timeline gets shorter by its duration.
public struct Clip: Sendable, Hashable {
    /// Length of the clip, transitions included.
    public var duration: Rational
    public var content: ClipContent
    public var text: [TextLayer]
    public var transition: Transition?

    public init(duration: Rational, content: ClipContent, text: [TextLayer] = [], transition: Transition? = nil) {
        self.duration = duration
        self.content = content
        self.text = text
        self.transition = transition
    }
}

extension Clip: Codable {
    enum CodingKeys: String, CodingKey {
        case duration, image, video, color, gradient, text, transition
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        duration = try c.decode(Rational.self, forKey: .duration)
        text = try c.decode(.text, default: [])
        transition = try c.decodeIfPresent(Transition.self, forKey: .transition)
        var found: [ClipContent] = []
        if let image = try c.decodeIfPresent(ImageClip.self, forKey: .image) { found.append(.image(image)) }
        if let video = try c.decodeIfPresent(VideoClip.self, forKey: .video) { found.append(.video(video)) }
        if let color = try c.decodeIfPresent(ColorCard.self, forKey: .color) { found.append(.color(color)) }
        if let gradient = try c.decodeIfPresent(GradientCard.self, forKey: .gradient) { found.append(.gradient(gradient)) }
        guard found.count == 1, let content = found.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: c.codingPath,
                debugDescription: "a clip needs exactly one of \"image\", \"video\", \"color\", \"gradient\" (found \(found.count))"))
        }
        self.content = content
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(duration, forKey: .duration)
        switch content {
        case .image(let image): try c.encode(image, forKey: .image)
        case .video(let video): try c.encode(video, forKey: .video)
        case .color(let color): try c.encode(color, forKey: .color)
        case .gradient(let gradient): try c.encode(gradient, forKey: .gradient)
        }
        // Always written, even empty: the strict decoder rejects any input key the re-encoding lacks.
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(transition, forKey: .transition)
    }
}
