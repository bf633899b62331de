import AIProdCore

/// The picture or clip the visuals stage chose for one scene (`media/visuals.json`, one per
/// scene, in order), and where it came from. No file: the scene is a title card.
public struct SceneVisual: Codable, Sendable, Hashable {
    /// How the scene got it, in the order the stage tries them.
    public enum Source: String, Codable, Sendable, Hashable {
        /// One of the job's own assets, matched by tags and file-name words.
        case asset
        /// A still from an image generator.
        case generated
        /// A clip an image-to-video model made from the scene's still.
        case motion
        /// A photo or clip from a stock library.
        case stock
        /// No picture: the director's title card.
        case card
    }

    public var scene: Int
    public var source: Source
    /// The file, relative to the job's folder (absolute for a CLI folder's asset); nil for a card.
    public var path: String?
    /// `image` or `video`; nil for a card.
    public var kind: VisualAsset.Kind?
    /// Seconds, for a video.
    public var duration: Double?
    /// Who made it, on what terms; nil for the job's own assets and cards.
    public var credit: Credit?
    /// For a clip animated from a still: the still's credit (a stock photo's photographer, a
    /// generator's model and seed), which the clip's credits keep.
    public var stillCredit: Credit?

    public init(
        scene: Int, source: Source, path: String? = nil, kind: VisualAsset.Kind? = nil, duration: Double? = nil, credit: Credit? = nil,
        still: SceneVisual? = nil
    ) {
        self.scene = scene
        self.source = source
        self.path = path
        self.kind = kind
        self.duration = duration
        self.credit = credit
        self.stillCredit = still?.credit
    }

    /// A title card for `scene`.
    public static func card(_ scene: Int) -> SceneVisual { SceneVisual(scene: scene, source: .card) }

    /// The asset the director shows, nil for a card.
    public var asset: VisualAsset? {
        guard let path, let kind, source != .card else { return nil }
        return VisualAsset(path: path, kind: kind, tags: [], duration: duration)
    }
}
