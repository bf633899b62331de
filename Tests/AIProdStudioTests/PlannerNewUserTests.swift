import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    /// The offline planner's defects found by planning a script as a new user would (issue 9):
    /// a long paragraph with no blank line, abbreviations, a quotation at a scene's start,
    /// markup pasted from a web page. Each test plans through the public API.
    @Suite("A new user's script")
    struct NewUser {
        /// One paragraph, no blank line, about 40 s of speech.
        static let keeper = """
            # The Keeper of Gull Rock

            For forty-two years, Mr. Elias Hart kept the light on Gull Rock. Every evening at 9 p.m. the lamp was lit, and every morning at 6 a.m. he wrote the weather in his log. Dr. Mara Quinn rowed out each spring to see how he was. "Somebody has to keep watch," he told her, every time she asked him why he stayed out there alone. He read J. R. R. Tolkien by the stove while the storms went by. The ships passed safely, one after another, and nobody on them ever knew his name. When he finally retired, the whole village came down to the harbour to thank him.
            """

        static let abbreviations = ["Mr.", "Dr.", "p.m.", "a.m.", "J.", "R.", "M.", "Mme", "Dr", "av.", "St."]

        @Test("no sentence ends after an abbreviation, an initial or a time")
        func sentencesKeepAbbreviations() throws {
            let plan = try PlannerTests.plan(Self.keeper)
            let sentences = plan.scenes.flatMap(\.sentences)
            #expect(sentences.prefix(5) == [
                "For forty-two years, Mr. Elias Hart kept the light on Gull Rock.",
                "Every evening at 9 p.m. the lamp was lit, and every morning at 6 a.m. he wrote the weather in his log.",
                "Dr. Mara Quinn rowed out each spring to see how he was.",
                "\"Somebody has to keep watch,\" he told her, every time she asked him why he stayed out there alone.",
                "He read J. R. R. Tolkien by the stove while the storms went by.",
            ])
            for sentence in sentences {
                #expect(!Self.abbreviations.contains { sentence.hasSuffix(" " + $0) || sentence == $0 }, "\(sentence)")
            }
        }

        @Test("a long paragraph is split at sentences into scenes of at most 12 s, evenly")
        func longParagraph() throws {
            let plan = try PlannerTests.plan(Self.keeper)
            #expect(plan.scenes.count >= 4, "\(plan.scenes.map(\.speechSeconds))")
            for scene in plan.scenes where scene.sentences.count > 1 {
                #expect(scene.speechSeconds <= Rational(12), "\(scene.sentences)")
            }
            let lengths = plan.scenes.map(\.speechSeconds.doubleValue)
            #expect(lengths.min()! > 4, "no scrap of a scene: \(lengths)")
            #expect(plan.scenes.flatMap(\.sentences) == SentenceSegmenter().sentences(in: String(Self.keeper.split(separator: "\n").last!)))
        }

        @Test("a scene opening on a quotation is headed by a whole phrase, quotes balanced")
        func quotedHeading() throws {
            let script = """
                # The lighthouse

                "Somebody has to keep watch tonight," he said quietly, and he climbed the stairs to the lamp room.
                """
            let plan = try PlannerTests.plan(script)
            #expect(plan.scenes.map(\.heading) == ["Somebody has to keep watch tonight"])
            let keeper = try PlannerTests.plan(Self.keeper)
            for heading in keeper.scenes.map(\.heading) {
                #expect(!heading.contains("\""), "\(heading)")
                #expect(!heading.hasSuffix(",") && !heading.hasSuffix(".") && !heading.hasSuffix(" "), "\(heading)")
            }
        }

        @Test("a sentence followed by markup ends there; the markup is not narrated")
        func markupAfterSentence() throws {
            let plan = try PlannerTests.plan("Read the details. <script>alert(1)</script> Next sentence. <b>Bold</b> words follow.")
            #expect(plan.scenes.flatMap(\.sentences) == [
                "Read the details.", "<script>alert(1)</script> Next sentence.", "<b>Bold</b> words follow.",
            ])
            #expect(!SpeechText(plan.scenes[0].text).spoken.contains("<"))
        }
    }
}
