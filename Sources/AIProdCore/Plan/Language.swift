/// Languages the offline studio plans and narrates.
public enum Language: String, Codable, Sendable, Hashable, CaseIterable {
    case english = "en"
    case french = "fr"
}
