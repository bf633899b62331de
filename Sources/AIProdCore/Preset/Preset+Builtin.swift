extension Preset {
    static let allTransitions = TransitionKind.allCases

    public static let web720p = Preset(
        name: "web-720p", summary: "1280x720, 30 fps, -16 LUFS: web pages and players",
        width: 1280, height: 720, fps: Rational(30), loudness: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5),
        transitions: allTransitions)

    public static let youtube1080p = Preset(
        name: "youtube-1080p", summary: "1920x1080, 30 fps, -14 LUFS: YouTube and Vimeo",
        width: 1920, height: 1080, fps: Rational(30), loudness: LoudnessTarget(targetLufs: -14, truePeakDbtp: -1),
        transitions: allTransitions)

    public static let shorts9x16 = Preset(
        name: "shorts-9x16", summary: "1080x1920 vertical, 30 fps, -14 LUFS: Shorts, Reels, TikTok",
        width: 1080, height: 1920, fps: Rational(30), loudness: LoudnessTarget(targetLufs: -14, truePeakDbtp: -1),
        subtitleStyle: SubtitleStyle(size: 64, outline: 3, margin: 0.2),
        transitions: [.slideUp, .slideLeft, .circleOpen, .zoomIn, .fade, .dissolve, .radial, .wipeUp],
        transitionSeconds: Rational(1, 2))

    public static let square1x1 = Preset(
        name: "square-1x1", summary: "1080x1080, 30 fps, -14 LUFS: social feeds",
        width: 1080, height: 1080, fps: Rational(30), loudness: LoudnessTarget(targetLufs: -14, truePeakDbtp: -1),
        subtitleStyle: SubtitleStyle(size: 52, outline: 3, margin: 0.08),
        transitions: allTransitions)

    public static let broadcastEBU = Preset(
        name: "broadcast-ebu", summary: "1920x1080, 25 fps, -23 LUFS, -1 dBTP: EBU R128 broadcast",
        width: 1920, height: 1080, fps: Rational(25), loudness: LoudnessTarget(targetLufs: -23, truePeakDbtp: -1),
        titleFont: "DejaVu Serif Bold", bodyFont: "DejaVu Sans",
        transitions: [.dissolve, .fade, .fadeBlack, .wipeLeft, .wipeRight],
        kenBurnsAmount: 0.1, transitionSeconds: Rational(1))

    /// The built-in presets, by name.
    public static let builtin: [Preset] = [web720p, youtube1080p, shorts9x16, square1x1, broadcastEBU]

    public static func named(_ name: String) -> Preset? { builtin.first { $0.name == name } }
}
