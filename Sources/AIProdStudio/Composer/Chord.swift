/// One chord of a progression, written as a Roman numeral relative to the key's scale.
///
/// Progressions are kept as numerals (`"i VI III VII"`) because that is how they are talked
/// about and documented, and because a numeral is key-independent: the same pattern is
/// transposed to whichever key the seed picks. Upper case is a major triad, lower case minor,
/// a trailing `°` (or `o`) diminished, a trailing `sus` a suspended fourth; a leading `b` or
/// `#` moves the root a semitone off the scale (the phrygian `bII`, the borrowed `bVII`).
public struct Chord: Sendable, Hashable, CustomStringConvertible {
    public enum Quality: String, Sendable, Hashable {
        case major, minor, diminished, suspended

        /// Semitones above the root of the triad's three notes.
        public var intervals: [Int] {
            switch self {
            case .major: [0, 4, 7]
            case .minor: [0, 3, 7]
            case .diminished: [0, 3, 6]
            case .suspended: [0, 5, 7]
            }
        }
    }

    /// The numeral as written.
    public let numeral: String
    /// Scale degree of the root, 0 for I.
    public let degree: Int
    /// Semitones from the tonic to the root, 0…11.
    public let root: Int
    public let quality: Quality

    /// Parses a numeral in `mode`; nil for text that is not one.
    public init?(_ numeral: String, in mode: ScaleMode) {
        var text = Substring(numeral)
        var shift = 0
        if text.hasPrefix("b") { shift = -1; text = text.dropFirst() } else if text.hasPrefix("#") { shift = 1; text = text.dropFirst() }
        var quality: Quality?
        if text.hasSuffix("sus") { quality = .suspended; text = text.dropLast(3) }
        if text.hasSuffix("°") || text.hasSuffix("o") { quality = .diminished; text = text.dropLast() }
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII"]
        guard let degree = numerals.firstIndex(of: text.uppercased()) else { return nil }
        let isUpper = text == text.uppercased()
        self.numeral = numeral
        self.degree = degree
        self.root = ((mode.semitones(ofDegree: degree) + shift) % 12 + 12) % 12
        self.quality = quality ?? (isUpper ? .major : .minor)
    }

    /// Pitch classes above the tonic (0…11) of the chord's notes, root first.
    public var pitchClasses: [Int] { quality.intervals.map { (root + $0) % 12 } }

    /// Whether this is the home chord (a tonic triad, major or minor).
    public var isTonic: Bool { root == 0 && (quality == .major || quality == .minor) }

    public var description: String { numeral }
}
