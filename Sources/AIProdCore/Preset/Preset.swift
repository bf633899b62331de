/// A delivery format and a look: size, rate, loudness, fonts, colours per mood, subtitle style
/// and the transitions it allows. The director turns a plan into a timeline through one.
public struct Preset: Codable, Sendable, Hashable {
    public var name: String
    public var summary: String
    public var width: Int
    public var height: Int
    public var fps: Rational
    public var loudness: LoudnessTarget
    public var titleFont: String
    public var bodyFont: String
    /// Gradient colours (from, to) for each mood's title cards.
    public var palette: [Mood: [RGBAColor]]
    public var subtitleStyle: SubtitleStyle
    /// Transitions this format allows, most preferred first.
    public var transitions: [TransitionKind]
    /// How far Ken Burns moves zoom (0.15 = 15 %).
    public var kenBurnsAmount: Double
    /// Seconds of each transition.
    public var transitionSeconds: Rational

    public init(
        name: String, summary: String, width: Int, height: Int, fps: Rational, loudness: LoudnessTarget,
        titleFont: String = "DejaVu Sans Bold", bodyFont: String = "DejaVu Sans",
        palette: [Mood: [RGBAColor]] = Preset.defaultPalette, subtitleStyle: SubtitleStyle = SubtitleStyle(),
        transitions: [TransitionKind], kenBurnsAmount: Double = 0.15, transitionSeconds: Rational = Rational(3, 4)
    ) {
        self.name = name
        self.summary = summary
        self.width = width
        self.height = height
        self.fps = fps
        self.loudness = loudness
        self.titleFont = titleFont
        self.bodyFont = bodyFont
        self.palette = palette
        self.subtitleStyle = subtitleStyle
        self.transitions = transitions
        self.kenBurnsAmount = kenBurnsAmount
        self.transitionSeconds = transitionSeconds
    }

    /// The transition to use for a mood: the mood's first preference this preset allows.
    public func transition(for mood: Mood) -> TransitionKind {
        Self.moodTransitions[mood]?.first { transitions.contains($0) } ?? transitions.first ?? .fade
    }

    /// Gradient colours for a mood.
    public func colors(for mood: Mood) -> (RGBAColor, RGBAColor) {
        let pair = palette[mood] ?? Self.defaultPalette[mood]!
        return (pair[0], pair[pair.count > 1 ? 1 : 0])
    }

    static func hex(_ text: String) -> RGBAColor { RGBAColor(hex: text)! }

    public static let defaultPalette: [Mood: [RGBAColor]] = [
        .calm: [hex("#1D3557"), hex("#457B9D")],
        .uplifting: [hex("#E76F51"), hex("#E9C46A")],
        .dramatic: [hex("#1B1B2F"), hex("#8B1E3F")],
        .tense: [hex("#2B2D42"), hex("#8D0801")],
        .sad: [hex("#2F3E46"), hex("#52796F")],
        .playful: [hex("#FF6F91"), hex("#FFC75F")],
        .epic: [hex("#0B132B"), hex("#C9A227")],
        .mysterious: [hex("#10002B"), hex("#5A189A")],
    ]

    /// Each mood's transitions, most fitting first.
    public static let moodTransitions: [Mood: [TransitionKind]] = [
        .calm: [.dissolve, .fade],
        .uplifting: [.slideLeft, .wipeRight, .fade],
        .dramatic: [.fadeBlack, .fade],
        .tense: [.pixelize, .wipeLeft, .fadeBlack, .fade],
        .sad: [.fade, .dissolve],
        .playful: [.circleOpen, .radial, .slideUp, .fade],
        .epic: [.zoomIn, .fadeWhite, .fade],
        .mysterious: [.circleClose, .dissolve, .fade],
    ]
}
