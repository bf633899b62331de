import AIProdCore

/// Freesound's licences as its API names them: the names its search filter takes, and the
/// licence deed URLs its results carry (`http://creativecommons.org/licenses/by/3.0/`), read
/// back into aiprod's ``MediaLicense`` whatever their version or scheme. Anything else
/// (Sampling+, an unknown URL) is no licence aiprod accepts.
enum FreesoundLicense {
    /// The filter's name of `license`; nil for a licence Freesound does not offer.
    static func filterName(_ license: MediaLicense) -> String? {
        switch license {
        case .cc0: "Creative Commons 0"
        case .ccBy: "Attribution"
        case .ccByNC: "Attribution NonCommercial"
        case .pexels, .studio, .generated: nil
        }
    }

    /// `license:("Creative Commons 0" OR "Attribution")`.
    static func filter(_ licenses: [MediaLicense]) -> String? {
        let names = licenses.compactMap(filterName).map { "\"\($0)\"" }
        guard !names.isEmpty else { return nil }
        return "license:(" + names.joined(separator: " OR ") + ")"
    }

    /// The licence of a result's deed URL, or its filter name (some mirrors answer with names).
    static func license(of text: String) -> MediaLicense? {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        for license in [MediaLicense.cc0, .ccBy, .ccByNC] where lowered == filterName(license)?.lowercased() {
            return license
        }
        var path = Substring(lowered)
        for prefix in ["https://", "http://"] where path.hasPrefix(prefix) { path = path.dropFirst(prefix.count) }
        if path.hasPrefix("www.") { path = path.dropFirst(4) }
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == "creativecommons.org" else { return nil }
        switch (parts[1], parts[2]) {
        case ("publicdomain", "zero"): return .cc0
        case ("licenses", "by"): return .ccBy
        case ("licenses", "by-nc"): return .ccByNC
        default: return nil
        }
    }
}
