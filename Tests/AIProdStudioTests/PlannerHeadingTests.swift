import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Scene headings")
    struct Headings {
        static func heading(_ sentence: String, language: Language = .english) -> String {
            SceneHeading(language: language).heading(from: [sentence])
        }

        @Test("a heading is a whole phrase: the first sentence when short, else up to a comma, colon or dash", arguments: [
            ("\"Somebody has to keep watch,\" he said, and he climbed the long stairs to the lamp.", "\"Somebody has to keep watch,\" he said"),
            ("\"Somebody has to keep watch tonight,\" he said quietly and climbed the stairs.", "Somebody has to keep watch tonight"),
            ("The sun rises slowly over the quiet harbour.", "The sun rises slowly over the quiet harbour"),
            ("When the storm came: thunder, rain and wind over the whole bay at once.", "When the storm came: thunder"),
            ("The keeper climbed — slowly, carefully — up the long and narrow stairs.", "The keeper climbed — slowly, carefully"),
            ("«Quoi?» dit-il, un deux trois quatre cinq.", "«Quoi?» dit-il, un deux trois quatre cinq"),
            ("« Il faut veiller », dit-il, puis il monta lentement l'escalier de la tour.", "« Il faut veiller », dit-il"),
            ("He said (quietly, to nobody at all) that the night would be very long.", "He said quietly"),
            ("“Stop!” he shouted at the boys running along the top of the harbour wall.", "“Stop!” he shouted at the boys…"),
        ])
        func wholePhrases(sentence: String, expected: String) {
            #expect(Self.heading(sentence) == expected)
        }

        @Test("cut at six words with no boundary near, it ends on a content word and says so")
        func cutHeadings() {
            #expect(Self.heading("The sun rises slowly over the quiet harbour and the fishing boats.") == "The sun rises slowly…")
            #expect(Self.heading("Suddenly the sky turns dark and thunder rolls across the bay.") == "Suddenly the sky turns dark…")
            #expect(Self.heading("Le vent murmure doucement entre les branches des sapins du refuge.", language: .french)
                == "Le vent murmure doucement…")
        }

        @Test("an abbreviation keeps its dot, and a cut heading does not end on one")
        func abbreviations() {
            #expect(Self.heading("He came home at 9 p.m.") == "He came home at 9 p.m.")
            #expect(Self.heading("They met Dr. Quinn.") == "They met Dr. Quinn")
            #expect(Self.heading("Every evening at 9 p.m. the lamp was lit, and every morning he wrote.") == "Every evening at 9…")
            #expect(Self.heading("For forty-two years, Mr. Elias Hart kept the light on Gull Rock.") == "For forty-two years")
            #expect(Self.heading("Un jour de 52 av. J.-C. les légions de César campaient sous les murs.", language: .french)
                == "Un jour de 52…")
        }

        @Test("quotes and brackets are balanced in every heading", arguments: [
            "\"Somebody has to keep watch tonight and every night after that,\" he said.",
            "« Il faut veiller toute la nuit sans dormir une seule minute », dit-il.",
            "“Keep the lamp burning until the last boat is home,” she said.",
            "He wrote (in the log, as every night before the storm came) the weather.",
            "\"Run!\" \"Where?\" \"Anywhere at all, just run now please!\"",
            "»Odd« quotes » and « stray ones ) everywhere ( in this one sentence.",
        ])
        func balanced(sentence: String) {
            let heading = Self.heading(sentence)
            #expect(!heading.isEmpty)
            #expect(heading.filter { $0 == "\"" }.count % 2 == 0, "\(heading)")
            for (open, close) in [("«", "»"), ("“", "”"), ("(", ")"), ("[", "]")] as [(Character, Character)] {
                var depth = 0
                for character in heading {
                    if character == open { depth += 1 }
                    if character == close { depth -= 1 }
                    #expect(depth >= 0, "\(heading)")
                }
                #expect(depth == 0, "\(heading)")
            }
            #expect(heading.last.map { $0.isLetter || $0.isNumber || "?!…\"”»)".contains($0) } == true, "\(heading)")
        }
    }
}
