/// What a clip shows.
public enum ClipContent: Sendable, Hashable {
    case image(ImageClip)
    case video(VideoClip)
    case color(ColorCard)
    case gradient(GradientCard)

    /// The media file the clip reads, if any.
    public var file: String? {
        switch self {
        case .image(let image): image.file
        case .video(let video): video.file
        case .color, .gradient: nil
        }
    }
}
