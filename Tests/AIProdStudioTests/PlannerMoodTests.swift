import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Moods")
    struct Moods {
        static let english: [(Mood, String)] = [
            (.calm, "The quiet lake rests under a gentle breeze, and everything feels peaceful and serene."),
            (.uplifting, "Hope returns with the sunrise; we smile, cheer and celebrate a wonderful success."),
            (.dramatic, "Suddenly the bridge collapses, people scream in fury and the storm shatters the windows."),
            (.tense, "Afraid and nervous, she hides from the hunters, fearing every danger in the dark."),
            (.sad, "Alone at the funeral, he weeps; his tears fall with grief and sorrow for the loss."),
            (.playful, "The puppy and the kittens play silly games, giggle, bounce and laugh at every joke."),
            (.epic, "The legendary hero leads a mighty army into battle to conquer an ancient empire."),
            (.mysterious, "A strange shadow glides through the fog; a ghost whispers secrets no one knows."),
        ]

        static let french: [(Mood, String)] = [
            (.calm, "Le lac est calme et paisible, une brise douce caresse doucement le jardin tranquille."),
            (.uplifting, "L'espoir renaît : joie, bonheur et sourires, nous célébrons une merveilleuse réussite."),
            (.dramatic, "Soudain, le pont s'effondre, la foule crie de fureur et la tempête fracasse les vitres."),
            (.tense, "Effrayée et nerveuse, elle se cache des chasseurs, craignant chaque danger et chaque piège."),
            (.sad, "Seul aux funérailles, il pleure ; ses larmes coulent de chagrin et de tristesse pour cette perte."),
            (.playful, "Le chiot et les chatons jouent à des jeux drôles, rient, sautillent et font des blagues."),
            (.epic, "Le héros légendaire mène une puissante armée à la bataille pour conquérir un empire ancestral."),
            (.mysterious, "Une ombre étrange glisse dans le brouillard ; un fantôme murmure des secrets inconnus."),
        ]

        @Test("one clear English text per mood", arguments: english)
        func englishMoods(mood: Mood, text: String) throws {
            #expect(MoodLexicon().mood(of: PlannerTests.words(text), language: .english, seed: 0, sceneIndex: 0) == mood)
            let plan = try PlannerTests.plan(text)
            #expect(plan.language == .english)
            #expect(plan.scenes.map(\.mood) == [mood])
            #expect(plan.scenes[0].transition == Preset.youtube1080p.transition(for: mood))
        }

        @Test("one clear French text per mood", arguments: french)
        func frenchMoods(mood: Mood, text: String) throws {
            #expect(MoodLexicon().mood(of: PlannerTests.words(text), language: .french, seed: 0, sceneIndex: 0) == mood)
            let plan = try PlannerTests.plan(text)
            #expect(plan.language == .french)
            #expect(plan.scenes.map(\.mood) == [mood])
        }

        @Test("stems match inflections, with or without accents")
        func stems() {
            let lexicon = MoodLexicon.french
            for word in ["orage", "orageux", "orageuse", "tempête", "tempete", "tempêtes"] {
                #expect(lexicon.matches(word).map(\.value).contains(.dramatic), "\(word)")
            }
            // "brisé" (broken) is sad; "brise" (a breeze) typed with accents elsewhere stays calm.
            #expect(lexicon.matches("brisé").map(\.value) == [.sad])
            #expect(lexicon.matches("brise").map(\.value).contains(.calm))
            // A false friend: English "pain" is sad, French "pain" is bread.
            #expect(MoodLexicon.english.matches("pain").map(\.value) == [.sad])
            #expect(MoodLexicon.french.matches("pain").isEmpty)
        }

        @Test("no mood word: calm, whatever the seed")
        func defaultsToCalm() {
            let words = PlannerTests.words("The table has four legs and a drawer.")
            for seed in UInt64(0)..<20 {
                #expect(MoodLexicon().mood(of: words, language: .english, seed: seed, sceneIndex: 0) == .calm)
            }
        }

        @Test("every mood has at least 25 words across the two languages")
        func lexiconSize() {
            let counts = MoodLexicon.patternCounts
            #expect(Set(counts.keys) == Set(Mood.allCases))
            #expect(counts.values.allSatisfy { $0 >= 25 })
        }

        @Test("a tie is settled by the seed, the same way every time")
        func ties() {
            let words = PlannerTests.words("A quiet storm.")  // calm 1, dramatic 1
            #expect(MoodLexicon().scores(words, language: .english) == [1, 0, 1, 0, 0, 0, 0, 0])
            var seen = Set<Mood>()
            for seed in UInt64(0)..<32 {
                let first = MoodLexicon().mood(of: words, language: .english, seed: seed, sceneIndex: 3)
                #expect(first == MoodLexicon().mood(of: words, language: .english, seed: seed, sceneIndex: 3))
                #expect(first == .calm || first == .dramatic)
                seen.insert(first)
            }
            #expect(seen == [.calm, .dramatic])
        }
    }
}
