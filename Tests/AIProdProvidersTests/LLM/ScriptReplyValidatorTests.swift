import AIProdCore
@testable import AIProdProviders
import Testing

/// What a model's script answer must be: words to speak, in the language, in the length.
@Suite struct ScriptReplyValidatorTests {
    /// 50 English words in 4 sentences, under a heading.
    static let body = """
        The old lighthouse stands on the rock at the edge of the bay. For a hundred years, its keepers climbed the stairs every night.

        ## The keepers

        They watched the sea and the ships that passed in the dark. Today the light still turns, and the families who visit can climb it too.
        """
    static let validator = ScriptReplyValidator(language: .english, length: .init(targetSeconds: 16, wordsPerMinute: 165), maxCharacters: 2_000)

    @Test func readsTheTitleAndTheScript() throws {
        let written = try Self.validator.script(from: "# The Gull Rock lighthouse\n\n\(Self.body)\n")
        #expect(written.title == "The Gull Rock lighthouse" && written.language == .english)
        #expect(written.script == Self.body)
        #expect(written.document == "# The Gull Rock lighthouse\n\n\(Self.body)")
        let fenced = try Self.validator.script(from: "```markdown\n\(Self.body)\n```")
        #expect(fenced.title == nil && fenced.script == Self.body && fenced.document == Self.body)
    }

    @Test func theLengthIsTheRateTimesTheTargetWithinAQuarter() {
        let length = ScriptPrompt.Length(targetSeconds: 60, wordsPerMinute: 150)
        #expect(length.words == 150 && length.range == 112...188)
    }

    @Test(arguments: [
        ("# Only a title", "no script, only a title"),
        ("**Narrator:** " + body, "holds \"**\""),
        ("Narrator: " + body, "speaker label"),
        ("NARRATEUR : " + body, "speaker label"),
        (body + "\n\n[Music swells]", "holds \"[\""),
        (body + "\n\n(pause)", "direction in parentheses"),
        (body + "\n\n<break time=\"1s\"/>", "holds markup (<break"),
        (body + "\n\n- a list item", "list item or a quote"),
        (body + "\n\n### Deep", "heading other than"),
        (body + "\n\n# Another title", "heading other than"),
        ("The lighthouse. " + String(repeating: "It stands tall. ", count: 30), "words; it must have 33–55"),
        ("It stands. The sea.", "words; it must have 33–55"),
        ("Le vieux phare se dresse sur le rocher au bord de la baie. Pendant cent ans, les gardiens ont monté les marches chaque nuit. Ils regardaient la mer et les bateaux qui passaient dans la nuit, et les familles viennent encore le voir.",
         "not in English"),
    ])
    func anUnusableScriptIsRejectedWithItsReason(_ answer: String, _ reason: String) {
        do {
            _ = try Self.validator.script(from: answer)
            Issue.record("accepted: \(answer)")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func aScriptOverTheCharacterLimitIsRejected() {
        let validator = ScriptReplyValidator(language: .english, length: .init(targetSeconds: 16, wordsPerMinute: 165), maxCharacters: 100)
        #expect(throws: AnswerRejection.self) { try validator.script(from: Self.body) }
    }

    @Test func aLongTitleIsShortenedAtAWord() throws {
        let written = try Self.validator.script(from: "# " + String(repeating: "lighthouse ", count: 10) + "\n\n" + Self.body)
        #expect(written.title?.hasSuffix("…") == true && (written.title?.count ?? 0) <= 61)
    }
}
