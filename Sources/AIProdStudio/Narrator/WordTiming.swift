/// When one subtitle word is heard, in 48 kHz samples from the start of its narration.
///
/// Samples rather than seconds so that a timing is exact: it is where the word's sound begins
/// and ends in the WAV, not a rounded millisecond.
public struct WordTiming: Codable, Sendable, Hashable {
    /// The word as the subtitle writes it, with any punctuation or unspoken piece (a URL, a
    /// dash) that rides along with it.
    public var text: String
    /// The first sample of the word's sound.
    public var startSample: Int64
    /// One past the word's last sample of sound (`startSample < endSample`).
    public var endSample: Int64

    public init(text: String, startSample: Int64, endSample: Int64) {
        self.text = text
        self.startSample = startSample
        self.endSample = endSample
    }
}
