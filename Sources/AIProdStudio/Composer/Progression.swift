/// A chord pattern in a mode, repeated bar by bar through a piece (`I V vi IV`, `i VI III VII`).
///
/// The mode travels with the numerals because a numeral only names a chord within a scale:
/// `VI` is the flat sixth in minor, and the melody and arpeggio draw their passing notes from
/// the same scale, so chord and line never disagree.
public struct Progression: Sendable, Hashable, CustomStringConvertible {
    public let mode: ScaleMode
    public let chords: [Chord]

    /// - Precondition: `numerals` is a space-separated list of valid numerals (the style table
    ///   is code, checked by its tests, not user input).
    public init(_ mode: ScaleMode, _ numerals: String) {
        self.mode = mode
        self.chords = numerals.split(separator: " ").map { numeral in
            guard let chord = Chord(String(numeral), in: mode) else { preconditionFailure("not a chord numeral: \(numeral)") }
            return chord
        }
        precondition(!chords.isEmpty, "an empty progression")
    }

    /// The home chord the last bar resolves to.
    public var tonic: Chord { Chord(mode.isMinor ? "i" : "I", in: mode)! }

    /// The chord the final tonic is approached from: the pattern's last chord that is not the
    /// tonic, the one that leads the loop back home (V in `I IV I V`, VII in `i VI III VII`,
    /// the plagal IV in `I V vi IV`).
    public var approach: Chord { chords.last { !$0.isTonic } ?? chords[chords.count - 1] }

    /// The numerals, as written.
    public var numerals: [String] { chords.map(\.numeral) }

    public var description: String { "\(numerals.joined(separator: "–")) (\(mode.rawValue))" }
}
