/// Transitions between two clips, each one of libavfilter's `xfade` kinds.
public enum TransitionKind: String, Codable, Sendable, Hashable, CaseIterable {
    case fade
    case fadeBlack = "fade_black"
    case fadeWhite = "fade_white"
    case dissolve
    case wipeLeft = "wipe_left"
    case wipeRight = "wipe_right"
    case wipeUp = "wipe_up"
    case wipeDown = "wipe_down"
    case slideLeft = "slide_left"
    case slideRight = "slide_right"
    case slideUp = "slide_up"
    case slideDown = "slide_down"
    case smoothLeft = "smooth_left"
    case smoothRight = "smooth_right"
    case circleOpen = "circle_open"
    case circleClose = "circle_close"
    case circleCrop = "circle_crop"
    case radial
    case pixelize
    case zoomIn = "zoom_in"
    case distance

    /// The name `xfade`'s `transition` option takes.
    public var xfadeName: String {
        switch self {
        case .fadeBlack: "fadeblack"
        case .fadeWhite: "fadewhite"
        case .zoomIn: "zoomin"
        default: rawValue.replacingOccurrences(of: "_", with: "")
        }
    }
}

extension String {
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
