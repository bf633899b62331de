import AIProdCore
import AIProdStudio
import Foundation

/// Checks a model's plan answer against the script it was asked about and turns it into the
/// scenes the offline planner finishes: every rule a JSON schema cannot state, each failure
/// with a reason a model (and a person reading the job) can act on.
///
/// Rules: the scenes cover sentences 1…N in order, each once, as ranges; a scene starts at
/// each of the author's `## headings`; 1…``maxScenes`` scenes; a scene of several sentences
/// runs at most ``maxSceneSeconds`` of speech; headings and visuals are one line of bounded
/// length; moods and sound categories are the studio's; a cue's keyword is a word of its
/// scene, at most ``maxCuesPerScene`` cues, one per category.
struct PlanReplyValidator: Sendable {
    var outline: ScriptOutline
    var wordsPerMinute: Int
    /// Longest speech in a scene of more than one sentence.
    var maxSceneSeconds = 18

    static let maxScenes = 500
    static let maxHeadingCharacters = 60
    static let maxVisualCharacters = 300
    static let maxCuesPerScene = 3

    /// The scenes `json` describes; throws the first rule it breaks.
    func scenes(from json: String?) throws(AnswerRejection) -> [SceneChoice] {
        guard let json else { throw AnswerRejection("the answer holds no JSON object") }
        let reply = try decode(json)
        let sentences = outline.sentences
        let count = sentences.count
        guard !reply.scenes.isEmpty else { throw AnswerRejection("\"scenes\" is empty: every sentence belongs to a scene") }
        let most = min(count, Self.maxScenes)
        guard reply.scenes.count <= most else {
            throw AnswerRejection("there are \(reply.scenes.count) scenes for \(count) sentences: at most \(most)")
        }
        let headings = authorHeadings()
        var next = 1
        var choices: [SceneChoice] = []
        for (offset, scene) in reply.scenes.enumerated() {
            let name = "scene \(offset + 1)"
            guard scene.firstSentence == next else {
                throw AnswerRejection(next == 1
                    ? "\(name) starts at sentence \(scene.firstSentence); the first scene must start at sentence 1"
                    : "\(name) starts at sentence \(scene.firstSentence), but the scene before it ended at sentence \(next - 1): scenes must cover sentences 1–\(count) in order, each once")
            }
            guard scene.firstSentence <= count else {
                throw AnswerRejection("\(name) starts at sentence \(scene.firstSentence), after the last sentence (\(count)): the scenes before it already cover them all")
            }
            guard (scene.firstSentence...count).contains(scene.lastSentence) else {
                throw AnswerRejection("\(name) ends at sentence \(scene.lastSentence): it must be \(scene.firstSentence)…\(count)")
            }
            if let inside = headings.keys.sorted().first(where: { $0 > scene.firstSentence && $0 <= scene.lastSentence }) {
                throw AnswerRejection("\(name) runs over the author's heading \"## \(headings[inside]!)\" before sentence \(inside): a scene must start there")
            }
            let range = Array(sentences[(scene.firstSentence - 1)...(scene.lastSentence - 1)])
            let words = range.flatMap(ScriptText.words(in:))
            let milliseconds = ScriptText.speechMilliseconds(words: words.count, sentences: range.count, wordsPerMinute: wordsPerMinute)
            if range.count > 1, milliseconds > Int64(maxSceneSeconds) * 1000 {
                throw AnswerRejection("\(name) (sentences \(scene.firstSentence)–\(scene.lastSentence)) runs about \(milliseconds / 1000) s of speech: split it, at most \(maxSceneSeconds) s per scene")
            }
            // The author's heading, where the scene starts at one, wins over the model's.
            var heading = headings[scene.firstSentence] ?? ""
            if heading.isEmpty { heading = try line(scene.heading, field: "heading", of: name, max: Self.maxHeadingCharacters) }
            guard let mood = Mood(rawValue: scene.mood) else {
                throw AnswerRejection("\(name) has mood \"\(scene.mood.prefix(40))\": it must be one of \(Mood.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let visual = try line(scene.visual, field: "visual", of: name, max: Self.maxVisualCharacters)
            let cues = try self.cues(scene.soundCues, words: words.map(ScriptText.normalized), of: name)
            choices.append(SceneChoice(heading: heading, sentences: range, mood: mood,
                                       soundCues: cues, visual: visual))
            next = scene.lastSentence + 1
        }
        guard next == count + 1 else {
            throw AnswerRejection("the scenes end at sentence \(next - 1), but the script has \(count): sentences \(next)–\(count) belong to no scene")
        }
        return choices
    }

    func decode(_ json: String) throws(AnswerRejection) -> PlanReply {
        let data = Data(json.utf8)
        guard JSONNesting.isShallow(data) else { throw AnswerRejection("the JSON nests deeper than \(JSONNesting.maxDepth) levels") }
        do {
            return try JSONDecoder().decode(PlanReply.self, from: data)
        } catch let error as DecodingError {
            throw AnswerRejection("the JSON does not match the schema: \(ChatReplyDecoder.describe(error))")
        } catch {
            throw AnswerRejection("the JSON does not match the schema")
        }
    }

    /// Sentence number (1-based) → the author's heading that starts there.
    func authorHeadings() -> [Int: String] {
        var headings: [Int: String] = [:]
        var number = 1
        for paragraph in outline.paragraphs {
            if let heading = paragraph.heading { headings[number] = heading }
            number += paragraph.sentences.count
        }
        return headings
    }

    /// `text` trimmed: one line, not empty, at most `max` characters, no control characters.
    func line(_ text: String, field: String, of scene: String, max: Int) throws(AnswerRejection) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw AnswerRejection("\(scene) has an empty \(field)") }
        guard trimmed.count <= max else { throw AnswerRejection("\(scene)'s \(field) is \(trimmed.count) characters: at most \(max)") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AnswerRejection("\(scene)'s \(field) must be one line, without control characters")
        }
        return trimmed
    }

    /// The cues, placed on the first word of the scene equal to their keyword, in spoken order.
    func cues(_ cues: [PlanReply.Cue], words: [String], of scene: String) throws(AnswerRejection) -> [SoundCue] {
        guard cues.count <= Self.maxCuesPerScene else {
            throw AnswerRejection("\(scene) has \(cues.count) sound cues: at most \(Self.maxCuesPerScene)")
        }
        var placed: [SoundCue] = []
        for cue in cues {
            guard let category = SoundCategory(rawValue: cue.category) else {
                throw AnswerRejection("\(scene) has sound category \"\(cue.category.prefix(40))\": it must be one of \(SoundCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !placed.contains(where: { $0.category == category }) else {
                throw AnswerRejection("\(scene) has two \(category.rawValue) cues: one per category")
            }
            let keyword = ScriptText.normalized(cue.keyword)
            guard ScriptText.words(in: cue.keyword).count == 1, let index = words.firstIndex(of: keyword) else {
                throw AnswerRejection("\(scene)'s \(category.rawValue) cue has keyword \"\(cue.keyword.prefix(40))\", which is not a word of the scene: use one word exactly as the scene's sentences write it")
            }
            placed.append(SoundCue(category: category, keyword: keyword, wordIndex: index))
        }
        return placed.sorted { $0.wordIndex != $1.wordIndex ? $0.wordIndex < $1.wordIndex : $0.category.rawValue < $1.category.rawValue }
    }
}
