import AIProdCore

/// Tells a French script from an English one, offline and in microseconds.
///
/// Counts the evidence each language leaves: its commonest function words (typed with or
/// without accents), French elisions (l', d', qu'…), English contractions (n't, 're, 'll…) and
/// letters only one of the languages uses (ç, œ, ê… for French). Spanish, German and Italian are
/// scored the same way only to recognise them: aiprod narrates English and French, so a script
/// in another language (one that scores more than both), or with no evidence at all, is planned
/// as English and the plan says so in its warnings. A tie between English and French is also
/// planned as English, with a warning; a tie with another language goes to English or French.
enum LanguageDetector {
    /// The language to plan in, and the warning to put in the plan when that was a fallback.
    struct Result: Sendable, Hashable {
        var language: Language
        var warning: String?
    }

    /// Languages the detector can recognise; only the first two can be planned.
    enum Candidate: String, CaseIterable, Sendable {
        case english = "English", french = "French", spanish = "Spanish", german = "German", italian = "Italian"
    }

    static func detect(_ text: String) -> Result {
        let scores = self.scores(text)
        let english = scores[.english, default: 0], french = scores[.french, default: 0]
        var foreign = Candidate.spanish
        for candidate in [Candidate.german, .italian] where scores[candidate, default: 0] > scores[foreign, default: 0] {
            foreign = candidate
        }
        let foreignScore = scores[foreign, default: 0]
        if foreignScore > max(english, french) {
            return Result(language: .english, warning:
                "the script looks \(foreign.rawValue), and aiprod narrates English and French only; planned as English")
        }
        if english == 0, french == 0 {
            return Result(language: .english, warning:
                "could not recognise the script's language (no common English or French words); planned as English")
        }
        if english == french {
            return Result(language: .english, warning:
                "could not tell whether the script is English or French; planned as English")
        }
        return Result(language: english > french ? .english : .french)
    }

    /// Evidence per language (every word may count for several).
    static func scores(_ text: String) -> [Candidate: Int] {
        var scores: [Candidate: Int] = [:]
        for token in WordTokenizer.words(in: text) {
            let word = WordTokenizer.lowercasedBare(token)
            var base = word
            // Elisions and contractions all hold an apostrophe: a byte test spares the other words
            // the Unicode comparisons (slow on words of combining marks).
            if word.utf8.contains(UInt8(ascii: "'")) {
                if let elision = WordTokenizer.elisions.first(where: { word.hasPrefix($0) && word.count > $0.count }) {
                    scores[.french, default: 0] += 1
                    base.removeFirst(elision.count)
                } else if englishContractions.contains(where: { word.hasSuffix($0) && word.count > $0.count }) {
                    scores[.english, default: 0] += 1
                }
            }
            // One lookup per word for the markers and one pass over its letters, not one per language.
            for candidate in markerLanguages[base] ?? [] { scores[candidate, default: 0] += 1 }
            if base.utf8.contains(where: { $0 >= 0x80 }) {
                var seen: Set<Candidate> = []
                for character in base {
                    if let candidate = distinctiveLetter[character], seen.insert(candidate).inserted {
                        scores[candidate, default: 0] += 1
                    }
                }
            }
        }
        return scores
    }

    private static let englishContractions = ["n't", "'re", "'ll", "'ve", "'m", "'d"]

    private static let distinctiveLetters: [Candidate: Set<Character>] = [
        .french: ["ç", "œ", "ê", "û", "î", "ô", "ë", "â", "ï", "ù"],
        .spanish: ["ñ", "á", "í", "ó", "ú", "¿", "¡"],
        .german: ["ä", "ö", "ü", "ß"],
    ]

    /// ``distinctiveLetters`` by letter (each belongs to one language).
    private static let distinctiveLetter: [Character: Candidate] = {
        var table: [Character: Candidate] = [:]
        for (candidate, letters) in distinctiveLetters {
            for letter in letters { table[letter] = candidate }
        }
        return table
    }()

    /// ``markers`` by word: the languages a word is a marker of.
    private static let markerLanguages: [String: [Candidate]] = {
        var table: [String: [Candidate]] = [:]
        for candidate in Candidate.allCases {
            for word in markers[candidate] ?? [] { table[word, default: []].append(candidate) }
        }
        return table
    }()

    /// Each language's commonest function words, as written and without accents. Words that
    /// English and French share ("on", "a", "as") are left out of both: they prove nothing.
    private static let markers: [Candidate: Set<String>] = {
        func set(_ words: String) -> Set<String> {
            let list = words.split(whereSeparator: \.isWhitespace).map(String.init)
            return Set(list + list.map(WordTokenizer.folded))
        }
        var english = set("""
            the and of to is in it that was he she for with as his her they at be this have from or by
            an are were not but had what all we you when there their which will would can my into out up
            its them then than been has could should who did does these those our your just about over
            after before because while where why how very also only some any each other
            """)
        var french = set("""
            le la les des du et est une un dans pour qui que pas sur avec il elle nous vous ils elles sont
            ce cette ces au aux mais ne se sa son ses leur leurs était été être très plus comme tout où je
            tu lui ont avait sous puis aussi alors quand chez fait dit y en de à ça déjà toujours rien
            """)
        // Folding makes "à" an "a": a marker that is a function word of the other language
        // (exactly, or once folded) is no evidence either.
        let shared = english.intersection(french)
        english.subtract(shared)
        french.subtract(shared)
        english.subtract(StopWords.listed(for: .french).flatMap { [$0, WordTokenizer.folded($0)] })
        french.subtract(StopWords.listed(for: .english))
        return [
            .english: english,
            .french: french,
            .spanish: set("""
                el la los las de del que y en un una por para con es son se no lo al como más pero sus su
                ya o fue este esta muy también hay cuando donde está están era eran sin sobre entre hasta
                desde yo él ella ellos porque qué todo todos
                """),
            .german: set("""
                der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es
                als wie wir ich sie er war waren hat haben sind aber nach bei oder noch wird werden kann
                nur dass über unter vom zum zur durch wenn
                """),
            .italian: set("""
                il lo la gli le di che e è un una per con non del della dei sono ma come anche più questo
                questa nel nella alla al da si ha hanno era erano mi ti ci sua suo loro
                """),
        ]
    }()
}
