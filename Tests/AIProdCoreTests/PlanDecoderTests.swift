import AIProdCore
import Foundation
import Testing

@Suite("PlanDecoder")
struct PlanDecoderTests {
    static let plan = Plan(
        title: "The Harbour", language: .english, warnings: ["a warning"], preset: "documentary", seed: 7,
        wordsPerMinute: 160, targetDuration: Rational(30),
        scenes: [
            PlannedScene(
                index: 0, heading: "Dawn", sentences: ["The tide rises."], keywords: ["tide"], mood: .calm,
                soundCues: [SoundCue(category: .sea, keyword: "tide", wordIndex: 1)], transition: .fade,
                wordCount: 3, speechSeconds: Rational(3, 2), pauseSeconds: Rational(1, 2)),
            PlannedScene(
                index: 1, heading: "Noon", sentences: ["Gulls call."], keywords: ["gulls"], mood: .playful,
                soundCues: [], transition: .dissolve, wordCount: 2, speechSeconds: Rational(1), pauseSeconds: Rational(1, 4)),
        ])

    /// The plan as compact JSON (`"key":value`, sorted), for exact text replacements.
    static func json(_ plan: Plan = plan) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self)
    }

    func error(_ json: String, limits: DocumentLimits = DocumentLimits()) -> TimelineError? {
        do {
            _ = try PlanDecoder(limits: limits).decode(Data(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("decodes what the planner writes")
    func roundTrip() throws {
        let data = try JSONCoding.encoder.encode(Self.plan)
        #expect(try PlanDecoder().decode(data) == Self.plan)
    }

    @Test("hostile values are field errors", arguments: [
        ("\"speech_seconds\":1.5", "\"speech_seconds\":1e300", TimelineError.Code.invalidValue, "scenes[0].speech_seconds"),
        ("\"speech_seconds\":1.5", "\"speech_seconds\":-1", .invalidValue, "scenes[0].speech_seconds"),
        ("\"pause_seconds\":0.5", "\"pause_seconds\":\"1/0\"", .invalidValue, "scenes[0].pause_seconds"),
        ("\"pause_seconds\":0.5", "\"pause_seconds\":\"-9223372036854775808/1\"", .invalidValue, "scenes[0].pause_seconds"),
        ("\"pause_seconds\":0.5", "\"pause_seconds\":21600", .invalidValue, "scenes[0].pause_seconds"),
        ("\"word_index\":1", "\"word_index\":-1", .invalidValue, "scenes[0].sound_cues[0].word_index"),
        ("\"word_index\":1", "\"word_index\":9223372036854775807", .invalidValue, "scenes[0].sound_cues[0].word_index"),
        ("\"index\":1", "\"index\":9223372036854775807", .invalidValue, "scenes[1].index"),
        ("\"word_count\":3", "\"word_count\":-3", .invalidValue, "scenes[0].word_count"),
        ("\"words_per_minute\":160", "\"words_per_minute\":9223372036854775807", .invalidValue, "words_per_minute"),
        ("\"words_per_minute\":160", "\"words_per_minute\":1e300", .invalidValue, "words_per_minute"),
        ("\"seed\":7", "\"seed\":-1", .invalidValue, "seed"),
        ("\"target_duration\":30", "\"target_duration\":-1e300", .invalidValue, "target_duration"),
        ("\"target_duration\":30", "\"target_duration\":0", .invalidValue, "target_duration"),
        ("\"title\":\"The Harbour\"", "\"title\":\"The\\u0000Harbour\"", .invalidValue, "title"),
        ("\"heading\":\"Dawn\"", "\"heading\":\"\(String(repeating: "d", count: 501))\"", .invalidValue, "scenes[0].heading"),
        ("\"mood\":\"calm\"", "\"mood\":\"angry\"", .invalidValue, "scenes[0].mood"),
        ("\"mood\":\"calm\"", "\"mood\":\"calm\",\"moood\":1", .unknownField, "scenes[0].moood"),
        ("\"word_count\":3", "\"word_count\":\"3\"", .wrongType, "scenes[0].word_count"),
        ("\"version\":1", "\"version\":2", .unsupportedVersion, "version"),
    ])
    func hostileValues(old: String, new: String, code: TimelineError.Code, field: String) throws {
        let original = try Self.json()
        try #require(original.components(separatedBy: old).count == 2, "\(old) must occur once")
        let error = try #require(self.error(original.replacingOccurrences(of: old, with: new)))
        #expect(error.code == code)
        #expect(error.field == field)
    }

    @Test("more scenes than max_clips, and none at all")
    func sceneCount() throws {
        var limits = DocumentLimits()
        limits.maxClips = 1
        var error = try #require(self.error(try Self.json(), limits: limits))
        #expect(error.field == "scenes")
        #expect(error.message == "2 scenes, over the limit of 1 (max_clips in [limits])")

        var empty = Self.plan
        empty.scenes = []
        error = try #require(self.error(try Self.json(empty)))
        #expect(error.field == "scenes")
        #expect(error.code == .invalidValue)
    }

    @Test("deep nesting and oversized plans are refused before parsing")
    func documentLimits() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        var error = try #require(self.error(deep))
        #expect(error.code == .invalidJSON)
        #expect(error.message.contains("max_json_depth"))

        var limits = DocumentLimits()
        limits.maxJSONBytes = 100
        error = try #require(self.error(try Self.json(), limits: limits))
        #expect(error.code == .invalidJSON)
        #expect(error.message.contains("max_json_bytes"))
    }
}
