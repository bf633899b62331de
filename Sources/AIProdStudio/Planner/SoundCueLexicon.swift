import AIProdCore

/// Finds the sound effects a scene calls for: bilingual keywords for each ``SoundCategory``.
///
/// Each cue keeps the word that called for it and that word's index among the scene's words
/// (as ``WordTokenizer`` counts them), so the director can start the effect when the word is
/// spoken. A scene gets at most ``maxCuesPerScene`` cues, one per category: the categories named
/// most often, ties going to the one named first; the cue sits on its category's first word,
/// and cues come in the order they are spoken.
///
/// The lists are per language ("car" is French for "because"). Two French words are only cues
/// after a determiner: "pas" (footsteps, but mostly the negation: "des pas", not "ne… pas") and
/// "porte" (a door, but also "carries": "la porte", not "il porte"). When a word matches two
/// categories the longest pattern wins ("doorbell" rings a bell rather than a door).
struct SoundCueLexicon: Sendable {
    /// A pattern's category, and the words one of which must come right before it, if any.
    struct Entry: Sendable {
        var category: SoundCategory
        var after: Set<String>?
    }

    var maxCuesPerScene = 2

    private static let frenchDeterminers: Set<String> = [
        "la", "une", "sa", "ma", "ta", "cette", "les", "des", "ses", "mes", "tes", "nos", "vos", "leurs", "leur",
        "notre", "votre", "aux", "ces", "quelques", "grande", "petite", "lourde", "vieille", "première",
    ]
    private static let stepDeterminers: Set<String> = [
        "un", "des", "les", "ses", "mes", "tes", "nos", "vos", "leurs", "ces", "quelques", "de", "à", "petits",
        "grands", "lourds", "lents", "premiers", "derniers",
    ]

    static let english = lexicon([
        (.rain, "rain rains rained raining rainy rainfall rainstorm* raindrop* drizzl* downpour*"),
        (.wind, "wind winds windy gust* gale gales breez* blizzard* windswept"),
        (.sea, "sea seas seaside ocean* wave waves surf tide tides shore* beach* seashore"),
        (.thunder, "thunder* lightning storm* thunderstorm*"),
        (.birds, "bird* birdsong songbird* chirp* tweet* sparrow* robin* nightingale* seagull* gull gulls owl owls"),
        (.cityTraffic, "traffic* honk* street streets avenue* boulevard* downtown highway* freeway* intersection* gridlock"),
        (.crowd, "crowd* throng* crowded bustl* market markets marketplace spectator* audience*"),
        (.footsteps, "footstep* footfall* steps stomp* tiptoe* walk walked walking walks"),
        (.door, "door doors doorway* knock* slam* creak* hinge* gate gates"),
        (.fire, "fire fires fireplace* flame* blaze* burn* campfire* bonfire* crackl* ember* hearth* inferno"),
        (.clock, "clock* tick ticks ticked ticking tick-tock ticktock pendulum*"),
        (.applause, "applau* clap claps clapped clapping ovation*"),
        (.car, "car cars engine* motor* automobile* vehicle* taxi* truck* drove driving tyres tires"),
        (.bell, "bell bells doorbell* chime* belfry ringing"),
    ], context: [:])

    static let french = lexicon([
        (.rain, "pluie* pleut pleuvait pleuvoir pleuvra pluvieu* averse* bruine* crachin"),
        (.wind, "vent vents venteu* bourrasque* rafale* souffl* mistral"),
        (.sea, "mer mers océan* vague vagues marée* plage* houle* littoral ressac rivage* flots"),
        (.thunder, "tonnerre* orage* orageu* foudre* éclair éclairs gronde grondait"),
        (.birds, "oiseau* oisillon* chant chants chante chantent chantait chantaient chanta gazouill* pépi* merle* rossignol* mouette* hirondelle* moineau* hibou*"),
        (.cityTraffic, "circulation trafic embouteillage* klaxon* bouchons carrefour* boulevard* autoroute* avenue* périphérique"),
        (.crowd, "foule* attroupement* cohue badaud* manifestant* spectateur* brouhaha multitude"),
        (.footsteps, "pas marcha marchait marchaient marchant marcher talons piétin*"),
        (.door, "porte portes portail* claqu* grinc* grinç* frappe"),
        (.fire, "feu feux flamme* incendie* brûl* braise* cheminée* crépit* âtre bûcher*"),
        (.clock, "horloge* pendule* tic-tac tictac tic tac métronome*"),
        (.applause, "applaudi* applaudissement* ovation* bravo* acclam*"),
        (.car, "voiture* moteur* automobile* véhicule* taxi* camion* pneu* auto autos"),
        (.bell, "cloche* clocher* sonnette* carillon* sonn* tocsin glas"),
    ], context: ["pas": stepDeterminers, "porte": frenchDeterminers, "portes": frenchDeterminers, "frappe": ["on"]])

    static func lexicon(for language: Language) -> WordLexicon<Entry> { language == .french ? french : english }

    /// The cues of a scene whose words (``WordTokenizer/normalized(_:)``) are `words`.
    func cues(in words: [String], language: Language) -> [SoundCue] {
        let lexicon = Self.lexicon(for: language)
        var firsts: [SoundCue?] = Array(repeating: nil, count: SoundCategory.allCases.count)
        var counts = Array(repeating: 0, count: SoundCategory.allCases.count)
        for (index, word) in words.enumerated() {
            let previous = index > 0 ? WordTokenizer.folded(words[index - 1]) : ""
            guard let category = category(of: word, previous: previous, lexicon: lexicon) else { continue }
            let slot = Self.position[category]!
            counts[slot] += 1
            if firsts[slot] == nil { firsts[slot] = SoundCue(category: category, keyword: word, wordIndex: index) }
        }
        let ranked = SoundCategory.allCases.indices
            .filter { counts[$0] > 0 }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : firsts[$0]!.wordIndex < firsts[$1]!.wordIndex }
        return ranked.prefix(maxCuesPerScene).compactMap { firsts[$0] }.sorted { $0.wordIndex < $1.wordIndex }
    }

    /// The category `word` calls for, given the word before it; a hyphenated word that matches
    /// nothing as a whole is tried part by part ("au-dessus" no, "coup-de-vent" yes).
    private func category(of word: String, previous: String, lexicon: WordLexicon<Entry>) -> SoundCategory? {
        func first(_ candidate: String) -> SoundCategory? {
            lexicon.matches(candidate).first { match in
                match.value.after.map { $0.contains(previous) } ?? true
            }?.value.category
        }
        if let category = first(word) { return category }
        guard word.contains("-") else { return nil }
        for part in word.split(separator: "-") where part.count > 1 {
            if let category = first(String(part)) { return category }
        }
        return nil
    }

    private static func lexicon(_ lists: [(SoundCategory, String)], context: [String: Set<String>]) -> WordLexicon<Entry> {
        let folded = context.mapValues { Set($0.map(WordTokenizer.folded)) }
        return WordLexicon(lists.flatMap { category, patterns in
            patterns.split(whereSeparator: \.isWhitespace).map { pattern in
                (pattern: String(pattern), value: Entry(category: category, after: folded[String(pattern)]))
            }
        })
    }

    private static let position: [SoundCategory: Int] = Dictionary(
        uniqueKeysWithValues: SoundCategory.allCases.enumerated().map { ($0.element, $0.offset) })
}
