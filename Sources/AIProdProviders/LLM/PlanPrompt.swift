import AIProdCore
import AIProdStudio

/// What a model is asked to plan a script: the rules, and the script's sentences numbered as
/// the offline planner cut them (the author's `## headings` shown where they stand). The model
/// answers with ranges of numbers, never with text to narrate, so the narration stays the
/// script's own words.
enum PlanPrompt {
    static let schema = JSONSchemaDocument(name: "aiprod_plan", schema: [
        "type": "object", "additionalProperties": false, "required": ["scenes"],
        "properties": [
            "scenes": [
                "type": "array",
                "items": [
                    "type": "object", "additionalProperties": false,
                    "required": ["first_sentence", "last_sentence", "heading", "mood", "visual", "sound_cues"],
                    "properties": [
                        "first_sentence": ["type": "integer"],
                        "last_sentence": ["type": "integer"],
                        "heading": ["type": "string"],
                        "mood": ["type": "string", "enum": .array(Mood.allCases.map { .string($0.rawValue) })],
                        "visual": ["type": "string"],
                        "sound_cues": [
                            "type": "array",
                            "items": [
                                "type": "object", "additionalProperties": false, "required": ["category", "keyword"],
                                "properties": [
                                    "category": ["type": "string", "enum": .array(SoundCategory.allCases.map { .string($0.rawValue) })],
                                    "keyword": ["type": "string"],
                                ],
                            ],
                        ],
                    ],
                ],
            ],
        ],
    ])

    static let system = """
        You are the planner of a narrated-video studio. You cut a narration script into scenes \
        and describe each one for the editor. You never change, add or drop the script's words: \
        you only group its numbered sentences. You answer with one JSON object.
        """

    /// The first request's messages.
    static func messages(_ outline: ScriptOutline, sceneSeconds: Int, maxSceneSeconds: Int, wordsPerMinute: Int) -> [ChatMessage] {
        func words(_ seconds: Int) -> Int { seconds * wordsPerMinute / 60 }
        let count = outline.sentences.count
        let language = outline.language == .french ? "French" : "English"
        var text = """
            Plan this \(language) script as the scenes of a narrated video.

            Rules:
            - A scene is a range of consecutive numbered sentences: first_sentence to last_sentence, both included. \
            The scenes cover every sentence from 1 to \(count) exactly once, in order.
            - Give a scene 1 to 3 sentences, at most about \(sceneSeconds) seconds of narration (\(words(sceneSeconds)) words); \
            never more than \(maxSceneSeconds) seconds (\(words(maxSceneSeconds)) words) unless it is a single sentence. \
            Start a new scene where the topic, place or feeling changes.
            - A line "## …" before a sentence is the author's section heading: a scene must start at that sentence.
            - heading: a short title for the scene's card, in \(language), at most \(PlanReplyValidator.maxHeadingCharacters) characters, one line.
            - mood: one of \(Mood.allCases.map(\.rawValue).joined(separator: ", ")).
            - sound_cues: up to \(PlanReplyValidator.maxCuesPerScene) sound effects the scene's words call for, one per category; \
            category is one of \(SoundCategory.allCases.map(\.rawValue).joined(separator: ", ")); keyword is the one word of \
            the scene's sentences that calls for it, written as in the sentence. Use [] when nothing calls for a sound.
            - visual: one sentence of at most \(PlanReplyValidator.maxVisualCharacters) characters, in English, describing \
            what the scene could show (for an image or stock-footage search).

            Sentences:
            """
        var number = 1
        for paragraph in outline.paragraphs {
            if let heading = paragraph.heading { text += "\n## \(heading)" }
            for sentence in paragraph.sentences {
                text += "\n[\(number)] \(sentence)"
                number += 1
            }
        }
        return [.system(system), .user(text)]
    }

    /// The second request: the first, the model's answer, and why it was refused.
    static func retry(_ messages: [ChatMessage], answer: String, rejection: AnswerRejection) -> [ChatMessage] {
        messages + [
            .assistant(String(answer.prefix(20_000))),
            .user("""
                That plan is invalid: \(rejection.reason). Answer again with the complete corrected JSON object, \
                following every rule above.
                """),
        ]
    }
}
