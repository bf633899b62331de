/// The scale a piece is written in. Mood is carried as much by the mode as by the tempo:
/// major and lydian sound open, aeolian sad, dorian wistful, phrygian dark, harmonic minor
/// dramatic (its raised seventh gives the minor key a major V that pulls home).
public enum ScaleMode: String, Sendable, Hashable, CaseIterable, Codable {
    case major, lydian, mixolydian, dorian, minor, phrygian, harmonicMinor

    /// Semitones above the tonic of the seven scale degrees.
    public var intervals: [Int] {
        switch self {
        case .major: [0, 2, 4, 5, 7, 9, 11]
        case .lydian: [0, 2, 4, 6, 7, 9, 11]
        case .mixolydian: [0, 2, 4, 5, 7, 9, 10]
        case .dorian: [0, 2, 3, 5, 7, 9, 10]
        case .minor: [0, 2, 3, 5, 7, 8, 10]
        case .phrygian: [0, 1, 3, 5, 7, 8, 10]
        case .harmonicMinor: [0, 2, 3, 5, 7, 8, 11]
        }
    }

    /// Whether the tonic triad is minor (the numeral of the home chord is `i`, not `I`).
    public var isMinor: Bool { intervals[2] == 3 }

    /// Semitones above the tonic of scale degree `degree` (0-based; wraps into higher octaves).
    public func semitones(ofDegree degree: Int) -> Int {
        let octave = degree >= 0 ? degree / 7 : (degree - 6) / 7
        return intervals[degree - octave * 7] + 12 * octave
    }
}
