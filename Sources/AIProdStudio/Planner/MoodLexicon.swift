import AIProdCore

/// Reads a scene's mood from its words: a bilingual word list for each of the eight moods.
///
/// Each word of the scene that matches a mood's list (exactly, or by stem: "orag*" matches
/// "orage", "orageux") adds one to that mood; a word counts once per mood. The highest score
/// wins. Equal scores are settled by the seed (a ``SplitMix64`` stream per scene), the one place
/// the seed changes a plan: two seeds may give such a scene different moods, hence different
/// transitions, and nothing else. A scene with no mood word at all is calm.
///
/// The lists are per language, because the same letters mean different things: "pain" is
/// English pain and French bread, "blessé" wounded but "blessed" happy.
struct MoodLexicon: Sendable {
    static let englishLists: [(patterns: String, value: Mood)] = [
        ("""
            calm* peace* quiet* seren* tranquil* gentl* soft softly relax* breez* meadow* slowly sooth*
            harmon* lull* placid* hush* smooth* cozy cosy restful idyll* pond ponds drift* unhurried mellow*
            stillness silent* serene
            """, .calm),
        ("""
            hope* joy* bright* happy happi* smil* sunshine sunrise celebrat* inspir* succe* achiev* grateful
            gratitude thank* warm warmth warmly warmer cheer* optimis* delight* wonderful glow* bloom* blossom* thriv* uplift*
            proud pride freedom golden applau*
            """, .uplifting),
        ("""
            storm* shock* sudden* collaps* crash* explod* explos* betray* reveal* confront* scream* fury
            furious rage* fate fated fateful struggl* clash* thunder* lightning shatter* desperat* intens*
            revenge* chaos chaotic collid* plung* turmoil violen* dramatic* upheaval
            """, .dramatic),
        ("""
            fear* afraid danger* threat* nervous* anxi* worr* panic* trembl* hide hides hiding hidden chase chased
            chasing escap* hunt* trap* alarm* risk* urgen* suspic* pursu* creep* heartbeat dread* sweat sweating sweaty
            tension tense deadline countdown
            """, .tense),
        ("""
            sad sadly sadness sadder sorrow* grief griev* tears cry cries cried crying weep* mourn* lonel*
            alone loss lost funeral* death dead die died dying goodbye* farewell* melanchol* heartbreak*
            broken regret* pain painful despair* gloom* abandon* orphan* widow* lament* grey gray
            """, .sad),
        ("""
            play plays played playing playful fun funny laugh* giggl* silly joke* joking game games tickl*
            bounc* danc* jump* prank* toy toys puppy puppies kitten* cartoon* balloon* candy clown* mischie*
            cheeky whimsical wink* goof* hop hops hopping hopped splash* bubbl* teas*
            """, .playful),
        ("""
            epic* hero* legend* empire* battle* army armies conquer* glory glorious vast mighty titan* kingdom*
            warrior* mountain* quest quests majest* colossal immens* saga* destiny triumph* throne* dragon*
            victor* ancient giant* adventur* horizon* galax* universe* cosmos cosmic
            """, .epic),
        ("""
            myster* secret* shadow* strange* unknown enigma* puzzl* riddle* fog fogs foggy mist misty mists
            whisper* ghost* haunt* myth* curious* eerie uncanny cryptic clue clues vanish* disappear* magic*
            moon moonlight occult* veil* obscur* labyrinth* maze
            """, .mysterious),
    ]

    static let frenchLists: [(patterns: String, value: Mood)] = [
        ("""
            calme* paix paisibl* sérén* serein* tranquil* doux douce douces doucement repos* apais* lentement
            brise prairie* détend* détente harmoni* quiétude zen lac lacs jardin* sommeil* endorm* caress*
            berc* placide* reposant* flâne*
            """, .calm),
        ("""
            espoir* espér* joie* joyeu* heureu* bonheur sourire* souriant* sourit souriait sourient lumineu* soleil* ensoleill* célébr*
            réussi* succès inspir* rêve* fier fière* fierté merci reconnaiss* chaleur* chaleureu* optimis*
            ravi ravie ravis merveill* épanou* fleuri* renouveau liberté libre* élan enthousias* gai gaie*
            gaieté doré* applaudi* bravo
            """, .uplifting),
        ("""
            tempête* choc chocs choqu* soudain* effondr* fracas* explos* trahi* révél* affront* cri cris crie crient crier cria* hurl*
            fureur furieu* rage* destin fatal* lutte* lutter déchir* éclat* foudr* désespér* vengeance*
            chaos* violen* boulevers* drame* dramatique* brutal* orag* éclair éclairs
            """, .dramatic),
        ("""
            peur* effray* danger* menac* nerveu* anxi* angoiss* inquiet* inquiét* inquièt* paniqu* trembl* cacha*
            cache caché* cacher poursui* fuite* fuir fuy* traqu* piège* pièg* alarme* risqu* urgen* suspic*
            soupçon* crain* craign* terreur terrifi* sueur* tension* tendu* guett* aguets
            """, .tense),
        ("""
            triste* chagrin* larme* pleur* deuil* seul seule seuls seules solitude solitaire* perte* perdu*
            mort morte morts mourir meurt mourut mourant* funéra* funèbre* adieu* mélancoli* nostalgi*
            regret* douleur* souffr* abandon* orphelin* veuve* veuf gris grise vide sanglot* brisé* peiné*
            lugubre*
            """, .sad),
        ("""
            jeu jeux jouer joue jouent jouait jouaient joua jouets jouet joueur* ludique* amus* drôle* rigol*
            rire rires rit riait riaient rient blague* farce* chatouill* sautill* saut* rebond* danse dansait
            dansent danser dansant* espiègl* malic* coquin* chiot* chaton* ballon* bonbon* clown* bulle*
            éclabouss* taquin* pirouette* gamin*
            """, .playful),
        ("""
            épique* héro* légend* empire* bataille* armée* conquê* conquér* conquir* gloire* glorieu* vaste*
            immense* puissan* titan* royaume* guerrier* montagne* quête* majest* colossal* saga* destinée
            triomph* trône* dragon* victoire* ancestral* géant* horizon* galaxie* univers cosmos cosmique*
            sommet* aventur*
            """, .epic),
        ("""
            mystère* mystéri* secret* ombre* étrange* inconnu* énigm* devinette* brouillard* brume* murmur*
            chuchot* fantôme* hant* mythe* mythi* curieu* mystique* indice* dispar* magie* magique* lune lunes
            occult* voile* obscur* labyrinthe* silence* silencieu* crypt* ténèbre* nuit* sombre*
            """, .mysterious),
    ]

    static let english = WordLexicon(lists: englishLists)
    static let french = WordLexicon(lists: frenchLists)

    /// How many words and stems each mood has, both languages together.
    static var patternCounts: [Mood: Int] {
        (englishLists + frenchLists).reduce(into: [:]) { counts, list in
            counts[list.value, default: 0] += list.patterns.split(whereSeparator: \.isWhitespace).count
        }
    }

    static func lexicon(for language: Language) -> WordLexicon<Mood> { language == .french ? french : english }

    /// Each mood's score for `words` (``WordTokenizer/normalized(_:)`` words), in `Mood.allCases` order.
    func scores(_ words: [String], language: Language) -> [Int] {
        let lexicon = Self.lexicon(for: language)
        var scores = Array(repeating: 0, count: Mood.allCases.count)
        for word in words {
            var counted = Set<Mood>()
            for match in lexicon.matches(word) where counted.insert(match.value).inserted {
                scores[Self.position[match.value]!] += 1
            }
        }
        return scores
    }

    /// The mood of a scene: the best score, equal scores settled by `seed` for scene `sceneIndex`,
    /// calm when no word speaks of a mood.
    func mood(of words: [String], language: Language, seed: UInt64, sceneIndex: Int) -> Mood {
        let scores = self.scores(words, language: language)
        let best = scores.max() ?? 0
        guard best > 0 else { return .calm }
        let tied = Mood.allCases.enumerated().filter { scores[$0.offset] == best }.map(\.element)
        guard tied.count > 1 else { return tied[0] }
        var generator = SplitMix64(seed: seed, stream: sceneIndex)
        return tied[generator.index(below: tied.count)]
    }

    private static let position: [Mood: Int] = Dictionary(
        uniqueKeysWithValues: Mood.allCases.enumerated().map { ($0.element, $0.offset) })
}
