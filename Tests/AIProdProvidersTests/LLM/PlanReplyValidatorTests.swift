import AIProdCore
@testable import AIProdProviders
import AIProdStudio
import Testing

/// Every rule a model's plan answer must follow, each broken once, with the reason it is told.
@Suite struct PlanReplyValidatorTests {
    static let outline = ScriptOutline(title: "T", language: .english, languageWarning: nil, paragraphs: [
        .init(heading: nil, sentences: ["The waves roll in.", "Birds sing above the sea.", "A bell rings."]),
        .init(heading: "Night", sentences: ["The wind rises.", "Everyone sleeps."]),
    ])
    static let validator = PlanReplyValidator(outline: outline, wordsPerMinute: 165)

    static func scene(_ first: Any, _ last: Any, heading: Any = "Scene", mood: Any = "calm", visual: Any = "A shore.",
                      cues: String = "[]") -> String {
        func value(_ item: Any) -> String { item is String ? "\"\(item)\"" : "\(item)" }
        return #"{"first_sentence": \#(value(first)), "last_sentence": \#(value(last)), "heading": \#(value(heading)), "mood": \#(value(mood)), "visual": \#(value(visual)), "sound_cues": \#(cues)}"#
    }

    static func reply(_ scenes: String...) -> String { #"{"scenes": [\#(scenes.joined(separator: ", "))]}"# }

    @Test func aValidAnswerBecomesScenes() throws {
        let json = Self.reply(Self.scene(1, 3, heading: "  Morning  ", cues: #"[{"category": "bell", "keyword": "bell"}, {"category": "sea", "keyword": "Waves"}]"#),
                              Self.scene(4, 5, heading: "", mood: "mysterious", visual: "Dark houses."))
        let scenes = try Self.validator.scenes(from: json)
        // The author's "## Night" heads its scene, whatever (even nothing) the model gave.
        #expect(scenes.map(\.heading) == ["Morning", "Night"])
        #expect(scenes.map(\.sentences.count) == [3, 2] && scenes.map(\.mood) == [.calm, .mysterious])
        // Cues in spoken order, on the scene's word, keyword as the planner compares it.
        #expect(scenes[0].soundCues == [SoundCue(category: .sea, keyword: "waves", wordIndex: 1), SoundCue(category: .bell, keyword: "bell", wordIndex: 10)])
        #expect(scenes[1].visual == "Dark houses.")
    }

    @Test(arguments: [
        (nil, "holds no JSON object"),
        (#"{"scenes": []}"#, "\"scenes\" is empty"),
        (#"{"plan": []}"#, "scenes: missing"),
        (reply(scene("1", 5)), "first_sentence: expected Int"),
        (reply(scene(1, 1e300)), "a number out of range"),
        (reply(scene(1, 2, mood: 3)), "mood: expected String"),
        (reply(scene(2, 5)), "scene 1 starts at sentence 2; the first scene must start at sentence 1"),
        (reply(scene(1, 3), scene(3, 5)), "scene 2 starts at sentence 3, but the scene before it ended at sentence 3"),
        (reply(scene(1, 3), scene(4, 9)), "scene 2 ends at sentence 9: it must be 4…5"),
        (reply(scene(1, 3), scene(4, 3)), "scene 2 ends at sentence 3"),
        (reply(scene(1, 3)), "sentences 4–5 belong to no scene"),
        (reply(scene(1, 3), scene(4, 5), scene(6, 6)), "scene 3 starts at sentence 6, after the last sentence (5)"),
        (reply(scene(1, 4), scene(5, 5)), "runs over the author's heading \"## Night\" before sentence 4"),
        (reply(scene(1, 3, heading: String(repeating: "h", count: 61)), scene(4, 5)), "scene 1's heading is 61 characters: at most 60"),
        (reply(scene(1, 3, heading: " "), scene(4, 5)), "scene 1 has an empty heading"),
        (reply(scene(1, 3, heading: "Two\\nlines"), scene(4, 5)), "scene 1's heading must be one line"),
        (reply(scene(1, 3, mood: "happy"), scene(4, 5)), "scene 1 has mood \"happy\": it must be one of calm, uplifting"),
        (reply(scene(1, 3, visual: ""), scene(4, 5)), "scene 1 has an empty visual"),
        (reply(scene(1, 3, cues: #"[{"category": "lasers", "keyword": "bell"}]"#), scene(4, 5)), "sound category \"lasers\""),
        (reply(scene(1, 3, cues: #"[{"category": "rain", "keyword": "rain"}]"#), scene(4, 5)), "keyword \"rain\", which is not a word of the scene"),
        (reply(scene(1, 3, cues: #"[{"category": "sea", "keyword": "the sea"}]"#), scene(4, 5)), "keyword \"the sea\""),
        (reply(scene(1, 3, cues: #"[{"category": "sea", "keyword": "sea"}, {"category": "sea", "keyword": "waves"}]"#), scene(4, 5)), "two sea cues"),
        (reply(scene(1, 3, cues: "[" + Array(repeating: #"{"category": "sea", "keyword": "sea"}"#, count: 4).joined(separator: ",") + "]"), scene(4, 5)), "4 sound cues: at most 3"),
        (reply(scene(1, 1), scene(2, 2), scene(3, 3), scene(4, 4), scene(5, 5), scene(6, 6)), "6 scenes for 5 sentences: at most 5"),
    ] as [(String?, String)])
    func anAnswerBreakingARuleIsRejectedWithItsReason(_ json: String?, _ reason: String) {
        do {
            _ = try Self.validator.scenes(from: json)
            Issue.record("accepted: \(json ?? "nil")")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func aLongSceneOfSeveralSentencesIsRejectedButALongSentenceIsNot() throws {
        let long = String(repeating: "word ", count: 39) + "end."
        let outline = ScriptOutline(title: "T", language: .english, languageWarning: nil,
                                    paragraphs: [.init(heading: nil, sentences: [long, long, "Short one."])])
        let validator = PlanReplyValidator(outline: outline, wordsPerMinute: 165)
        #expect(throws: AnswerRejection.self) { try validator.scenes(from: Self.reply(Self.scene(1, 2), Self.scene(3, 3))) }
        let scenes = try validator.scenes(from: Self.reply(Self.scene(1, 1), Self.scene(2, 3)))
        #expect(scenes.count == 2)
    }

    /// Hostile numbers in each of the answer's number fields in turn (extremes, near misses,
    /// wrong types): a rejection with a reason, never a trap, and only the original is valid.
    @Test func hostileNumbersAreRejectedNeverTrapped() throws {
        let extremes: [Any] = [0, -1, 2, 6, Int.max, Int.min, 1e300, 2.5, "3"]
        for position in 0..<4 {
            for extreme in extremes {
                var values: [Any] = [1, 3, 4, 5]
                values[position] = extreme
                let json = Self.reply(Self.scene(values[0], values[1]), Self.scene(values[2], values[3]))
                #expect(throws: AnswerRejection.self, "\(json)") { try Self.validator.scenes(from: json) }
            }
        }
        #expect(try Self.validator.scenes(from: Self.reply(Self.scene(1, 3), Self.scene(4, 5))).count == 2)
    }
}
