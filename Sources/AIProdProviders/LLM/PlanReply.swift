/// The JSON a model answers a plan request with (``PlanPrompt/schema``):
/// `{"scenes": [{"first_sentence": 1, "last_sentence": 3, "heading": "…", "mood": "calm",
///   "visual": "…", "sound_cues": [{"category": "sea", "keyword": "waves"}]}]}`.
/// Types are checked by decoding (a string where a number belongs fails); values by
/// ``PlanReplyValidator``. Moods and categories are strings here so that a wrong one gets a
/// message naming it rather than a decoding error.
struct PlanReply: Sendable, Hashable, Decodable {
    struct Scene: Sendable, Hashable, Decodable {
        var firstSentence: Int
        var lastSentence: Int
        var heading: String
        var mood: String
        var visual: String
        var soundCues: [Cue]

        enum CodingKeys: String, CodingKey {
            case heading, mood, visual
            case firstSentence = "first_sentence"
            case lastSentence = "last_sentence"
            case soundCues = "sound_cues"
        }
    }

    struct Cue: Sendable, Hashable, Decodable {
        var category: String
        var keyword: String
    }

    var scenes: [Scene]
}
