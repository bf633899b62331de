/// Who made one piece of a job's video, and on what terms: an outside asset's source, author,
/// licence and link, or the provider and model (and seed) that generated it. Stages record a
/// credit with each piece they bring in (`media/visuals.json`, `media/effects.json`,
/// `media/music.json`, the narrations); publish gathers them into `credits.json` and
/// `credits.txt` next to the video.
public struct Credit: Codable, Sendable, Hashable {
    /// What the piece is in the video.
    public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
        case script, plan, voice, visual, motion, effect, music
    }

    public var role: Role
    /// The scene it belongs to (from 0); nil for what spans the video (music, the plan).
    public var scene: Int?
    /// The piece's file, relative to the job's folder; nil when it is not a file (a plan).
    public var file: String?
    /// Where it came from: a provider's name (`[provider.NAME]`), `assets` (the job's own),
    /// `library` (a studio library folder) or `offline` (aiprod's own engines).
    public var source: String
    /// The provider's kind (`pexels`, `a1111`…), for a remote source.
    public var kind: String?
    /// The original's title or file name.
    public var title: String?
    public var author: String?
    public var authorURL: String?
    public var license: MediaLicense
    /// The original's page (a Pexels photo, a Freesound sound).
    public var link: String?
    /// The model that generated it.
    public var model: String?
    /// The seed it was generated with (a re-render asks again with the same one).
    public var seed: UInt64?
    /// What the generator was asked for.
    public var prompt: String?

    public init(
        role: Role, scene: Int? = nil, file: String? = nil, source: String, kind: String? = nil, title: String? = nil,
        author: String? = nil, authorURL: String? = nil, license: MediaLicense, link: String? = nil, model: String? = nil,
        seed: UInt64? = nil, prompt: String? = nil
    ) {
        self.role = role
        self.scene = scene
        self.file = file
        self.source = source
        self.kind = kind
        self.title = title
        self.author = author
        self.authorURL = authorURL
        self.license = license
        self.link = link
        self.model = model
        self.seed = seed
        self.prompt = prompt
    }

    /// `authorUrl`: the snake_case coders turn it into `author_url` and back (the synthesised
    /// `authorURL` would come back as `authorUrl` and be lost).
    enum CodingKeys: String, CodingKey {
        case role, scene, file, source, kind, title, author, license, link, model, seed, prompt
        case authorURL = "authorUrl"
    }

    /// The line the end of the video shows for an attribution licence: "“Rain on tin” by
    /// jdoe (freesound.org/s/123), CC BY 4.0".
    public var attributionLine: String {
        var line = title.map { "“\($0)”" } ?? role.rawValue.capitalized
        if let author { line += " by \(author)" }
        if let link { line += " (\(Self.shortLink(link)))" }
        return line + ", " + license.title
    }

    /// A link without its scheme and `www.`, as a credit line prints it.
    static func shortLink(_ link: String) -> String {
        var text = Substring(link)
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        if text.hasPrefix("www.") { text = text.dropFirst(4) }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
