import AIProdCore

/// `credits.json`: every piece's credit, in the order the video uses them (script and plan,
/// voices, pictures, motion, effects, music), and the lines an attribution licence (CC BY,
/// CC BY-NC) obliges, each once, which the credit roll shows and a publisher copies into the
/// video's description.
public struct CreditsDocument: Codable, Sendable, Hashable {
    public var credits: [Credit]
    public var attribution: [String]

    /// The attribution lines are made from `credits`: one per distinct line (a sound used in
    /// two scenes is credited once), cleaned of what a provider's title or name may carry
    /// (newlines, control characters, a title of a megabyte).
    public init(credits: [Credit]) {
        self.credits = credits
        var seen = Set<String>()
        attribution = credits.filter(\.license.requiresAttribution)
            .map { CreditsText.clean($0.attributionLine, limit: CreditsText.maxAttributionCharacters) }
            .filter { seen.insert($0).inserted }
    }

    public init(credits: [Credit], attribution: [String]) {
        self.credits = credits
        self.attribution = attribution
    }
}
