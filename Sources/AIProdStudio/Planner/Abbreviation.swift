/// What a dot after a word means when it is not the end of a sentence: the one list of
/// abbreviations, initials and times that both the sentence segmenter (where the planner cuts
/// sentences and scenes) and the subtitle cue builder (where a cue may end) consult, so that
/// neither reads "Mr." in "Mr. Elias Hart" or "p.m." in "at 9 p.m. the lamp" as a full stop.
enum Abbreviation: Sendable, Hashable {
    /// The dot never ends a sentence: the word binds to the one after it (Mr., Mme, Dr., e.g.,
    /// cf., av., an initial J., an acronym U.S., "no." before a number, a list number "1.").
    case binding
    /// The dot ends a sentence only when a sentence start follows (a capital, an opening quote,
    /// a dash): etc., Jr., a.m., p.m., J.-C.; before a lowercase word or a number it binds.
    case soft

    /// Titles before a name, matched as written (a capital follows them): with or without their
    /// dot ("Mme Martin", "Dr Watson"), they never end a sentence or a subtitle.
    static let titles: Set<String> = [
        "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr", "Drs", "Pr", "Prof", "St", "Ste", "Mr", "Mrs",
        "Ms", "Messrs", "Sgt", "Capt", "Lt", "Col", "Gen", "Gov", "Rev", "Hon",
    ]
    /// Abbreviations matched in any case whose dot never ends a sentence.
    static let inline: Set<String> = [
        "e.g", "i.e", "vs", "cf", "p", "pp", "fig", "vol", "ch", "chap", "env", "approx", "av", "apr", "ibid",
    ]
    /// Abbreviations matched in any case that may close a sentence: times, "etc.", suffixes
    /// after a name, and "J.-C." after a year.
    static let closing: Set<String> = ["etc", "a.m", "p.m", "jr", "sr", "j.-c"]

    /// What the dot after `token` is. `token`: the word before the dot, without the opening
    /// marks before it and without the dot ("Mr", "e.g", "p.m"); `previous`: the word before
    /// it as written, opening marks removed ("p." makes "p. ex." one abbreviation);
    /// `nextIsNumber`: whether a digit follows ("no. 5"); `startsSentence`: whether `token` is
    /// the first word of its sentence (a list number, "1. Buy milk"). Nil: an ordinary word,
    /// whose dot ends the sentence when a new one starts after it.
    /// (`previous` and `startsSentence` are only worked out for the tokens that need them: the
    /// segmenter's answer for them walks back through the sentence.)
    static func classify(
        _ token: Substring, previous: @autoclosure () -> Substring?, nextIsNumber: Bool, startsSentence: @autoclosure () -> Bool
    ) -> Abbreviation? {
        guard !token.isEmpty else { return nil }
        if titles.contains(String(token)) { return .binding }
        let lowered = token.lowercased()
        if inline.contains(lowered) { return .binding }
        if closing.contains(lowered) { return .soft }
        if (lowered == "no" || lowered == "nº"), nextIsNumber { return .binding }
        if lowered == "ex", previous()?.lowercased() == "p." { return .binding }
        if token.count == 1, token.first!.isUppercase { return .binding }
        if isDottedAcronym(token) { return .binding }
        if token.allSatisfy(\.isNumber), startsSentence() { return .binding }
        return nil
    }

    /// U.S, J.K: single letters joined by dots.
    static func isDottedAcronym(_ token: Substring) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count > 1 && parts.allSatisfy { $0.count == 1 && $0.first!.isLetter }
    }
}
