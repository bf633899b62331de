import AIProdCore
@testable import AIProdStudio
import Testing

/// Subtitle cues never end, and their lines never break, between an abbreviation, an initial
/// or a time and the word it belongs to (issue 9: a cue ended on "For forty-two years, Mr.").
@Suite("Subtitle breaks after abbreviations")
struct SubtitleAbbreviationTests {
    static func breaks(_ text: String) -> [String: SubtitleBreak] {
        let words = text.split(separator: " ").map(String.init)
        return Dictionary(zip(words, SubtitleBreak.breaks(after: words)), uniquingKeysWith: { first, _ in first })
    }

    /// Whether a cue or one of its lines ends on a word bound to the next.
    static func endsBound(_ line: Substring) -> Bool {
        guard let last = line.split(separator: " ").last else { return false }
        return (PlannerTests.NewUser.abbreviations + ["J.-C.", "ex."]).contains(String(last))
    }

    @Test("words are read in context: an abbreviation binds to the next word, a full stop does not")
    func context() {
        let english = Self.breaks("For forty-two years, Mr. Elias Hart kept the light. At 9 p.m. the lamp was lit by J. R. Hart at last.")
        #expect(english["Mr."] == .bound)
        #expect(english["p.m."] == .bound)
        #expect(english["J."] == .bound && english["R."] == .bound)
        #expect(english["years,"] == .clause)
        #expect(english["light."] == .sentence)
        #expect(english["last."] == .sentence)
        #expect(Self.breaks("He came home at 9 p.m. The lamp was lit.")["p.m."] == .sentence, "a time can end a sentence")
        #expect(Self.breaks("We bought pears, etc. and more.")["etc."] == .bound)
        #expect(Self.breaks("Room no. 5 is free.")["no."] == .bound)
        #expect(Self.breaks("Say no. Nobody listens.")["no."] == .sentence)

        let french = Self.breaks("M. Durand et Mme Lefèvre voient le Dr Martin, p. ex. en 52 av. J.-C. à Rome.")
        #expect(french["M."] == .bound && french["Mme"] == .bound && french["Dr"] == .bound)
        #expect(french["p."] == .bound && french["ex."] == .bound && french["av."] == .bound && french["J.-C."] == .bound)
        #expect(french["Rome."] == .sentence)
        #expect(Self.breaks("Give it to me now.")["me"] == SubtitleBreak.none, "only a title's capitalised form, before a capital")
    }

    @Test("lines never break after an abbreviation when another break fits")
    func lines() throws {
        let breaker = SubtitleLineBreaker(maxLineLength: 42, maxLines: 2)
        let lines = try #require(breaker.lines("Then he met the old doctor, Dr. Mara Quinn from the village".split(separator: " ").map(String.init)))
        #expect(lines.count == 2)
        #expect(!Self.endsBound(lines[0][...]), "\(lines)")
    }

    @Test("made-up timings with a pause after every dot: no cue ends on an abbreviation")
    func madeUpTimings() {
        let text = """
            For forty-two years, Mr. Elias Hart kept the light on Gull Rock. Every evening at 9 p.m. the lamp was lit, \
            and every morning at 6 a.m. he wrote the weather in his log. Dr. Mara Quinn rowed out each spring. \
            He read J. R. R. Tolkien by the stove while the storms went by, night after night after night.
            """
        let words = SubtitleCueBuilderTests.words(text)
        let cues = SubtitleCueBuilder().cues(for: words)
        SubtitleCueRules.check(cues, words: words)
        Self.checkNoBoundEnds(cues)
    }

    @Test("the narrated sample: espeak-ng's timings, the planner's scenes, no cue or line ends on an abbreviation")
    func narratedEnglish() throws {
        let plan = try PlannerTests.plan(PlannerTests.NewUser.keeper)
        try Self.checkNarrated(plan, language: .english)
    }

    @Test("the same in French: M., Mme, Dr, av. J.-C.")
    func narratedFrench() throws {
        let script = """
            # Le gardien

            Pendant quarante-deux ans, M. Élie Hart a gardé le phare. Chaque soir, Mme Hart allumait la lampe et le Dr Martin passait la voir. Il lisait l'histoire de César, mort en 44 av. J.-C. à Rome, et celle de M. Dupont, son voisin.
            """
        let plan = try PlannerTests.plan(script)
        #expect(plan.language == .french)
        try Self.checkNarrated(plan, language: .french)
    }

    static func checkNarrated(_ plan: Plan, language: Language) throws {
        let directory = try NarratorScratch()
        for scene in plan.scenes {
            let narration = try EspeakNarrator().narrate(scene.text, language: language, to: directory.file("scene\(scene.index).wav"))
            let cues = SubtitleCueBuilder().cues(for: narration)
            SubtitleCueRules.check(cues, words: narration.words)
            checkNoBoundEnds(cues)
        }
    }

    static func checkNoBoundEnds(_ cues: [SubtitleCue]) {
        for cue in cues {
            for line in cue.text.split(separator: "\n") {
                #expect(!endsBound(line), "a line ends on an abbreviation: \(cues.map(\.text))")
            }
        }
    }
}
