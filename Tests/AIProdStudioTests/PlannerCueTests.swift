import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Sound cues")
    struct Cues {
        /// Each category with an English and a French sentence that call for it, and the word.
        static let cases: [(SoundCategory, String, String, String, String)] = [
            (.rain, "Then the rain began.", "rain", "Puis il pleut sur nous.", "pleut"),
            (.wind, "The wind rose at dusk.", "wind", "Le vent se leva.", "vent"),
            (.sea, "We watched the ocean.", "ocean", "Nous regardions les vagues.", "vagues"),
            (.thunder, "Thunder rolled far away.", "thunder", "Un orage approchait.", "orage"),
            (.birds, "The birds woke us.", "birds", "Les oiseaux nous réveillent.", "oiseaux"),
            (.cityTraffic, "The traffic was loud.", "traffic", "Un klaxon retentit.", "klaxon"),
            (.crowd, "A crowd gathered.", "crowd", "Une foule se forma.", "foule"),
            (.footsteps, "Footsteps echoed below.", "footsteps", "Des pas résonnent.", "pas"),
            (.door, "The door opened.", "door", "La porte s'ouvrit.", "porte"),
            (.fire, "The flames rose high.", "flames", "Le feu brûlait.", "feu"),
            (.clock, "The clock kept ticking.", "clock", "Le tic-tac nous berçait.", "tic-tac"),
            (.applause, "Applause filled the hall.", "applause", "Des applaudissements éclatèrent.", "applaudissements"),
            (.car, "A car stopped outside.", "car", "Une voiture s'arrêta.", "voiture"),
            (.bell, "A bell rang twice.", "bell", "Une cloche tinta.", "cloche"),
        ]

        @Test("every category is called for by an English and a French word", arguments: cases)
        func categories(category: SoundCategory, english: String, englishWord: String, french: String, frenchWord: String) {
            let lexicon = SoundCueLexicon()
            let englishCues = lexicon.cues(in: PlannerTests.words(english), language: .english)
            #expect(englishCues.map(\.category) == [category])
            #expect(englishCues.first?.keyword == englishWord)
            let frenchCues = lexicon.cues(in: PlannerTests.words(french), language: .french)
            #expect(frenchCues.map(\.category) == [category])
            #expect(frenchCues.first?.keyword == frenchWord)
        }

        @Test("the cases cover every category")
        func coversAll() {
            #expect(Set(Cues.cases.map(\.0)) == Set(SoundCategory.allCases))
        }

        @Test("false friends and grammar words call for nothing", arguments: [
            ("Il ne vient pas ce soir.", Language.french),
            ("Il porte un manteau rouge.", Language.french),
            ("Il part, car il est tard.", Language.french),
            ("She sells bread and milk.", Language.english),
        ])
        func falseFriends(text: String, language: Language) {
            #expect(SoundCueLexicon().cues(in: PlannerTests.words(text), language: language) == [])
        }

        @Test("a cue points at its word; at most two, one per category, the most named first, in spoken order")
        func placement() {
            let words = PlannerTests.words("Dans la nuit, la pluie tombe, le vent souffle, la pluie redouble et une cloche sonne.")
            #expect(SoundCueLexicon().cues(in: words, language: .french) == [
                SoundCue(category: .rain, keyword: "pluie", wordIndex: 4),
                SoundCue(category: .wind, keyword: "vent", wordIndex: 7),
            ])
            // Rain ×2 and bell ×2 beat wind ×1, and come out in spoken order.
            let more = PlannerTests.words("The wind rose, a bell rang, the rain fell, the rain grew, the bell tolled again.")
            #expect(SoundCueLexicon().cues(in: more, language: .english) == [
                SoundCue(category: .bell, keyword: "bell", wordIndex: 4),
                SoundCue(category: .rain, keyword: "rain", wordIndex: 7),
            ])
        }

        @Test("the most specific word wins: a doorbell rings a bell")
        func longestMatch() {
            #expect(SoundCueLexicon().cues(in: ["doorbell"], language: .english).map(\.category) == [.bell])
        }
    }
}
