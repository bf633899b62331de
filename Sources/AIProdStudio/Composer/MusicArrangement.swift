/// What `MusicArranger` made: the pieces of the bed (for `media/music.json`) and why it fell
/// back where it did (for `media/music-warnings.json`).
public struct MusicArrangement: Sendable {
    public var pieces: [MusicPiece]
    public var warnings: [String]

    public init(pieces: [MusicPiece] = [], warnings: [String] = []) {
        self.pieces = pieces
        self.warnings = warnings
    }
}
