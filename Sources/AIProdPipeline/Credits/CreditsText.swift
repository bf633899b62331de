import AIProdCore
import AIProdStudio

/// `credits.txt`: the credits for people to read, a section per kind of piece (Script & plan,
/// Voice, Pictures, Motion, Effects, Music) and one line per piece, then the attribution lines
/// a licence asks for. Every field comes from a provider's reply or a file name, so each is
/// cleaned: control characters and newlines become spaces and a field is cut at a bound, so a
/// hostile title cannot forge lines or make the file huge.
public enum CreditsText {
    /// A field's bound in characters.
    public static let maxFieldCharacters = 300
    /// An attribution line's bound (a title, an author and a link together).
    public static let maxAttributionCharacters = 400

    /// The sections, in order, and the roles each gathers.
    static let sections: [(title: String, roles: Set<Credit.Role>)] = [
        ("Script & plan", [.script, .plan]), ("Voice", [.voice]), ("Pictures", [.visual]), ("Motion", [.motion]),
        ("Effects", [.effect]), ("Music", [.music]),
    ]

    public static func render(_ document: CreditsDocument, title: String?) -> String {
        var text = "Credits" + (title.map { " — " + clean($0, limit: maxFieldCharacters) } ?? "") + "\n"
        if document.credits.isEmpty { text += "\nNo piece of this video came from outside the job.\n" }
        for section in sections {
            let credits = document.credits.filter { section.roles.contains($0.role) }
            guard !credits.isEmpty else { continue }
            text += "\n\(section.title)\n"
            for credit in credits { text += "  " + line(credit) + "\n" }
        }
        if !document.attribution.isEmpty {
            text += "\nAttribution (required by the licences)\n"
            for line in document.attribution { text += "  " + clean(line, limit: maxAttributionCharacters) + "\n" }
        }
        return text
    }

    /// One piece: `scene 2 · “Rain on tin” · by jdoe <https://…> · from sounds (freesound) ·
    /// CC BY 4.0 <https://creativecommons.org/…> · https://freesound.org/s/1 · model m · seed 7 · media/effect-2-1.mp3`.
    public static func line(_ credit: Credit) -> String {
        var fields: [String] = [credit.scene.map { "scene \($0 + 1)" } ?? "whole video"]
        if credit.role == .script || credit.role == .plan { fields.append(credit.role.rawValue) }
        if let title = credit.title { fields.append("“\(clean(title))”") }
        if let author = credit.author { fields.append("by \(clean(author))" + (credit.authorURL.map { " <\(clean($0))>" } ?? "")) }
        fields.append("from \(clean(credit.source))" + (credit.kind.map { " (\(clean($0)))" } ?? ""))
        fields.append(credit.license.title + (credit.license.url.map { " <\($0)>" } ?? ""))
        if let link = credit.link { fields.append(clean(link)) }
        if let model = credit.model, !model.isEmpty { fields.append("model \(clean(model))") }
        if let seed = credit.seed { fields.append("seed \(seed)") }
        if let file = credit.file { fields.append(clean(file)) }
        return fields.joined(separator: " · ")
    }

    /// `text` on one line and within `limit` (``CreditRoll/oneLine(_:limit:)``, which the
    /// credit roll cleans its lines with too).
    public static func clean(_ text: String, limit: Int = maxFieldCharacters) -> String {
        CreditRoll.oneLine(text, limit: limit)
    }
}
