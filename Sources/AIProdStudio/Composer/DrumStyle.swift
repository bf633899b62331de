/// What the drum kit (General MIDI channel 10) plays. Only energetic moods get a kit: a
/// groove under calm or sad music would fight the narration.
public enum DrumStyle: String, Sendable, Hashable, CaseIterable {
    /// No drums.
    case none
    /// A soft kick on every beat with quiet off-beat hats: tension without a groove.
    case pulse
    /// Kick on the strong beats, snare on the back beats, eighth-note hats, a crash each phrase.
    case backbeat
    /// Heavy kick, toms and snare, a crash each phrase and a tom fill closing every fourth bar.
    case epic
}
