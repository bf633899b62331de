/// The licences aiprod knows how to honour for media it did not make: which ones a studio
/// accepts is its choice (`licenses = cc0, cc-by` on a `freesound` provider), and a licence that
/// asks for attribution puts its credit line at the end of the video when the job asks.
public enum MediaLicense: String, Sendable, Hashable, CaseIterable, Codable {
    /// Creative Commons 0: no conditions.
    case cc0 = "cc0"
    /// Creative Commons Attribution: credit the author.
    case ccBy = "cc-by"
    /// Creative Commons Attribution NonCommercial: credit the author, no commercial use.
    case ccByNC = "cc-by-nc"
    /// The Pexels licence: free to use, attribution appreciated but not required.
    case pexels = "pexels"
    /// The studio's own media (uploads, libraries): its rights are the studio's business.
    case studio = "studio"
    /// Made for this job by a generator (a model, or aiprod's own engines).
    case generated = "generated"

    /// The licence's name as a credit line prints it.
    public var title: String {
        switch self {
        case .cc0: "CC0 1.0"
        case .ccBy: "CC BY 4.0"
        case .ccByNC: "CC BY-NC 4.0"
        case .pexels: "Pexels License"
        case .studio: "studio's own"
        case .generated: "generated"
        }
    }

    /// Where the licence's text is.
    public var url: String? {
        switch self {
        case .cc0: "https://creativecommons.org/publicdomain/zero/1.0/"
        case .ccBy: "https://creativecommons.org/licenses/by/4.0/"
        case .ccByNC: "https://creativecommons.org/licenses/by-nc/4.0/"
        case .pexels: "https://www.pexels.com/license/"
        case .studio, .generated: nil
        }
    }

    /// Whether using the media obliges a credit line.
    public var requiresAttribution: Bool { self == .ccBy || self == .ccByNC }
}
