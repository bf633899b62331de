/// One whitespace-separated piece of a script in its two forms: as the subtitle shows it and
/// as espeak-ng reads it. Keeping both side by side is what lets a word event, which points
/// into the spoken text, name the word the viewer reads.
public struct SpeechToken: Sendable, Hashable {
    /// The piece as the subtitle shows it: markup and emoji removed, URLs kept.
    public let subtitle: String
    /// The piece as espeak-ng reads it; empty when there is nothing to say (a URL, a lone `*`).
    public let spoken: String
    /// Where `spoken` starts in ``SpeechText/spoken``, in Unicode scalars from 0. espeak-ng's
    /// word events count characters the same way, from 1.
    public internal(set) var spokenOffset: Int
    /// `spoken`'s length in Unicode scalars.
    public let spokenLength: Int
    /// An opening bracket or quote with nothing to say (`«`, `(`): without a word event of
    /// its own it joins the word after it, not the one before.
    public let opensPhrase: Bool

    public init(subtitle: String, spoken: String, spokenOffset: Int = 0, opensPhrase: Bool = false) {
        self.subtitle = subtitle
        self.spoken = spoken
        self.spokenOffset = spokenOffset
        self.spokenLength = spoken.unicodeScalars.count
        self.opensPhrase = opensPhrase
    }
}
