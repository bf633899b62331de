import AIProdCore

/// The cookie `/status?token=…` sets so the page can reload itself without the token in its
/// address: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
/// scoped to `/status`. It holds the token's secret, which the store checks on every view, so
/// revoking the token closes the page at once.
enum StatusCookie {
    static let name = "aiprod_status"
    /// Twelve hours: a wall screen signs in again twice a day.
    static let maxAgeSeconds = 43_200

    static func setCookie(secret: String) -> String {
        "\(name)=\(secret); Path=/status; Max-Age=\(maxAgeSeconds); HttpOnly; SameSite=Strict"
    }

    /// The cookie's value in a `Cookie` header, if present and sane (a token secret's
    /// characters only, at most 512 bytes).
    static func secret(in header: String?) -> String? {
        guard let header, header.utf8.count <= 8_192 else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].trimmingWhitespace() == name else { continue }
            let value = parts[1].trimmingWhitespace()
            return isSane(value) ? value : nil
        }
        return nil
    }

    /// Characters a cookie value may carry unquoted; a secret outside them is no secret of ours.
    static func isSane(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 512
            && value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.~+/=".unicodeScalars.contains($0) }
    }
}
