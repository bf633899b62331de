import AIProdCore

/// The function words of English and French: what keywords leave out.
///
/// Both languages' lists apply to every script (a French script quotes English, and the other
/// way round), except the few words that are function words in one language and content words
/// in the other: "car" (French "because") stays a keyword in English, "ours" (a bear) and "but"
/// (a goal) stay keywords in French. Words typed without accents are compared with the lists'
/// accents removed ("etait" is "était"), but "thé" is not "the".
enum StopWords {
    /// Whether `word` (a ``WordTokenizer/normalized(_:)`` word) is a function word for a script
    /// in `language`.
    static func contains(_ word: String, language: Language) -> Bool {
        let accented = WordTokenizer.hasDiacritics(word)
        let own = language == .french ? french : english
        let other = language == .french ? english : french
        if accented ? own.exact.contains(word) : own.folded.contains(word) { return true }
        guard accented ? other.exact.contains(word) : other.folded.contains(word) else { return false }
        return !(language == .french ? frenchContentWords : englishContentWords).contains(word)
    }

    /// The words listed for `language`, as written.
    static func listed(for language: Language) -> Set<String> { language == .french ? french.exact : english.exact }

    private struct List: Sendable {
        var exact: Set<String>
        var folded: Set<String>
        init(_ words: String) {
            exact = Set(words.split(whereSeparator: \.isWhitespace).map(String.init))
            folded = Set(exact.map(WordTokenizer.folded))
        }
    }

    /// French function words that English scripts use as content words.
    private static let englishContentWords: Set<String> = ["car", "son", "ton", "pour", "sale", "dire", "plus", "ours"]
    /// English function words that French scripts use as content words.
    private static let frenchContentWords: Set<String> = ["an", "ours", "but", "here", "fin"]

    private static let english = List("""
        a about above across after afterwards again against ago all almost along already also although
        always am among an and another any anybody anyone anything anyway anywhere are aren't around as
        at away back be became because become becomes been before behind being below beside besides
        between beyond both but by came can can't cannot come comes could couldn't did didn't do does
        doesn't doing don't done down during each either else enough even ever every everybody everyone
        everything everywhere few for from further get gets getting give given go goes going gone got had
        hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
        his how however i i'd i'll i'm i've if in indeed instead into is isn't it it's its itself just
        keep kept know knew known last least less let let's like made make makes many may maybe me might
        mine more most mostly much must my myself near nearly neither never next no nobody none nor not
        nothing now o'clock of off often oh ok okay on once one only onto or other others otherwise our
        ours ourselves out over own per perhaps quite rather really said same saw say says see seem seemed
        seems seen several shall she she'd she'll she's should shouldn't since so some somebody someone
        something sometimes somewhere soon still such take taken than that that's the their theirs them
        themselves then there there's these they they'd they'll they're they've thing things this those
        though through throughout thus till to together too took toward towards under until up upon us
        very via was wasn't way we we'd we'll we're we've well went were weren't what what's whatever
        when whenever where where's whether which while who who's whoever whole whom whose why will with
        within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
        yourselves
        """)

    private static let french = List("""
        à afin ai aie aient ainsi alors après as assez au aucun aucune aujourd'hui auquel aussi autant
        autour autre autres aux avaient avais avait avant avec avez aviez avions avoir avons ayant
        beaucoup bien bientôt c ça car ce ceci cela celle celles celui cependant certain certaine
        certaines certains ces cet cette ceux chaque chez chose choses comme comment contre d dans de
        dedans dehors déjà dessous dessus depuis derrière des dès desquels deux devant devait devrait dire dit doit donc
        dont du duquel elle elles en encore entre es est et étaient étais était étant été êtes étions être
        eu eux faire fais faisait fait faut font fut furent hors ici il ils j jamais je jusqu jusque l la
        là laquelle le lequel les lesquels leur leurs lors lorsque lui m ma mais me même mêmes mes moi
        moins mon n ne ni non nos notre nous on ont ou où par parce parfois parmi pas pendant peu peut
        peuvent peut-être plus plusieurs plutôt pour pourquoi pourrait pouvait près puis puisque qu quand
        quant que quel quelle quelles quelqu quelque quelques quels qui quoi rien s sa sans se selon sera
        serait seront ses seul seulement si sien sienne soi soit sommes son sont sous souvent suis sur t
        ta tandis tant te tel telle tellement tels tes toi ton toujours tous tout toute toutes très trop
        tu un une unes uns va vais vers voici voilà vont vos votre vous y
        """)
}
