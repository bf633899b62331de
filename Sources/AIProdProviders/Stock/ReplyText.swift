import Foundation

/// Text a provider's reply gives for a credit line (a photographer's name, a sound's title, a
/// page's link): printable characters only, trimmed and bounded, so a hostile reply cannot put
/// control characters, a terminal escape or megabytes of text into credits.txt or the video.
enum ReplyText {
    static let maxCharacters = 200

    /// nil when nothing printable is left.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let printable = text.unicodeScalars.prefix(4 * maxCharacters).map { scalar -> Character in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                ? " " : Character(scalar)
        }
        let cleaned = String(printable).trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return nil }
        return String(cleaned.prefix(maxCharacters))
    }

    /// An absolute `https` or `http` link with a host, as a credit may print it; nil otherwise.
    static func link(_ text: String?) -> String? {
        guard let text, text.utf8.count <= 2_048, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty, url.user == nil, url.password == nil
        else { return nil }
        return text
    }

    /// The URL a reply points to for a download; nil when it is not an absolute URL.
    static func url(_ text: String?) -> URL? {
        guard let text, text.utf8.count <= 4_096, let url = URL(string: text), url.scheme != nil, url.host != nil else { return nil }
        return url
    }
}
