import Foundation

/// The fake chat server's "model": answers the two requests aiprod makes the way a plausible
/// LLM would, derived only from the request's text (so the same request gets the same answer).
///
/// - A plan request (its first user message lists sentences as `[n] text`, with `## heading`
///   lines): scenes of 2–3 sentences (fewer when they are long, a new one at each heading),
///   a heading from the first words, a mood and sound cues from a few telltale words, a
///   visual line.
/// - A script request (`Write a narration script in English of about N words`, the prompt
///   between `<<<` and `>>>`): a `# title` and about N words of sentences on the prompt's
///   topic, in the asked language, in paragraphs of three sentences.
enum FakeChatModel {
    static func answer(to messages: [(role: String, content: String)]) -> String {
        let request = messages.first { $0.role == "user" }?.content ?? ""
        if request.contains("\nSentences:\n") { return plan(for: request) }
        if request.hasPrefix("Write a narration script") { return script(for: request) }
        return "I can only plan and write scripts."
    }

    // MARK: Plans

    /// The numbered sentences of a plan request, and the numbers an author's heading starts at.
    static func sentences(in request: String) -> (sentences: [String], headings: Set<Int>) {
        var sentences: [String] = []
        var headings: Set<Int> = []
        let list = request.components(separatedBy: "\nSentences:\n").last ?? ""
        for line in list.split(separator: "\n") {
            if line.hasPrefix("## ") {
                headings.insert(sentences.count + 1)
            } else if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                sentences.append(String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces))
            }
        }
        return (sentences, headings)
    }

    static func plan(for request: String) -> String {
        let (sentences, headings) = self.sentences(in: request)
        var groups: [ClosedRange<Int>] = []
        var start = 1, words = 0
        for (offset, sentence) in sentences.enumerated() {
            let number = offset + 1, count = sentence.split(separator: " ").count
            if number > start, number - start >= 3 || headings.contains(number) || words + count > 40 {
                groups.append(start...(number - 1))
                start = number
                words = 0
            }
            words += count
        }
        if !sentences.isEmpty { groups.append(start...sentences.count) }
        let scenes: [[String: Any]] = groups.map { range in
            let text = sentences[(range.lowerBound - 1)...(range.upperBound - 1)].joined(separator: " ")
            let heading = sentences[range.lowerBound - 1].split(separator: " ").prefix(4).map(bare).joined(separator: " ")
            return [
                "first_sentence": range.lowerBound, "last_sentence": range.upperBound,
                "heading": String(heading.prefix(60)), "mood": mood(of: text), "visual": "A wide shot: \(heading.lowercased()).",
                "sound_cues": cues(in: text).map { ["category": $0.category, "keyword": $0.keyword] },
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["scenes": scenes], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A word without the punctuation around it.
    static func bare(_ word: some StringProtocol) -> String {
        String(word).trimmingCharacters(in: CharacterSet.letters.union(.decimalDigits).inverted)
    }

    static let moods: [(words: Set<String>, mood: String)] = [
        (["storm", "thunder", "suddenly", "orage", "tonnerre", "soudain"], "dramatic"),
        (["strange", "mystery", "shadow", "étrange", "mystère", "ombre"], "mysterious"),
        (["cheerful", "joyful", "laugh", "golden", "triumphant", "soleil", "aventure", "applaudit"], "uplifting"),
    ]

    static func mood(of text: String) -> String {
        let words = Set(text.lowercased().split(separator: " ").map(bare))
        return moods.first { !$0.words.isDisjoint(with: words) }?.mood ?? "calm"
    }

    static let cueWords: [String: String] = [
        "sea": "sea", "mer": "sea", "waves": "sea", "rain": "rain", "pluie": "rain", "thunder": "thunder",
        "tonnerre": "thunder", "wind": "wind", "vent": "wind", "birds": "birds", "oiseaux": "birds", "bell": "bell",
        "cloche": "bell", "crowd": "crowd", "foule": "crowd", "footsteps": "footsteps", "fire": "fire", "feu": "fire",
        "clock": "clock", "horloge": "clock", "door": "door",
    ]

    /// At most two cues, one per category, on the first word that calls for each.
    static func cues(in text: String) -> [(category: String, keyword: String)] {
        var found: [(category: String, keyword: String)] = []
        for word in text.split(separator: " ").map(bare) {
            guard let category = cueWords[word.lowercased()], !found.contains(where: { $0.category == category }) else { continue }
            found.append((category, word))
            if found.count == 2 { break }
        }
        return found
    }

    // MARK: Scripts

    static let english = [
        "This is the story of %@, and it begins on a quiet morning.",
        "The people who live near it still talk about it with a warm smile.",
        "Over the years, many visitors came to see it for themselves.",
        "Some of them came by the sea, and some walked for hours along the coast.",
        "Each of them found something that they did not expect to find there.",
        "In the evening, the light changes and the wind grows calm again.",
        "There are still questions about it that nobody can answer yet.",
        "But the families here have kept its memory alive for a very long time.",
    ]

    static let french = [
        "Voici l'histoire de %@, et elle commence par un matin très calme.",
        "Les gens qui vivent près d'ici en parlent encore avec un grand sourire.",
        "Au fil des années, beaucoup de visiteurs sont venus pour la découvrir.",
        "Certains sont arrivés par la mer, et d'autres ont marché pendant des heures.",
        "Chacun d'eux a trouvé ici quelque chose qu'il n'attendait pas.",
        "Le soir, la lumière change et le vent devient plus doux.",
        "Il reste encore des questions auxquelles personne ne sait répondre.",
        "Mais les familles du village gardent son souvenir depuis très longtemps.",
    ]

    static func script(for request: String) -> String {
        let french = request.hasPrefix("Write a narration script in French")
        let target = request.range(of: #"about \d+ words"#, options: .regularExpression)
            .flatMap { Int(request[$0].split(separator: " ")[1]) } ?? 100
        let prompt = request.components(separatedBy: "<<<\n").last?.components(separatedBy: "\n>>>").first ?? "the sea"
        let topic = topic(of: prompt)
        var sentences: [String] = [], words = 0
        let templates = french ? self.french : english
        while words < target {
            let sentence = templates[sentences.count % templates.count].replacingOccurrences(of: "%@", with: topic)
            let count = sentence.split(separator: " ").count
            if words > 0, words + count / 2 > target { break }
            sentences.append(sentence)
            words += count
        }
        let paragraphs = stride(from: 0, to: sentences.count, by: 3).map { sentences[$0..<min($0 + 3, sentences.count)].joined(separator: " ") }
        let title = topic.prefix(1).uppercased() + topic.dropFirst()
        return "# \(title)\n\n" + paragraphs.joined(separator: "\n\n")
    }

    /// "60 seconds on the history of the Gull Rock lighthouse, calm, for families" → "the
    /// history of the Gull Rock lighthouse": the first clause, without a leading duration.
    static func topic(of prompt: String) -> String {
        var clause = prompt.split(whereSeparator: { ",.;\n".contains($0) }).first.map(String.init) ?? prompt
        clause = clause.replacingOccurrences(of: #"^\s*\d+\s*(seconds|secondes|s|minutes?)\s+(on|about|sur|à propos de)\s+"#,
                                             with: "", options: [.regularExpression, .caseInsensitive])
        let trimmed = clause.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "the sea" : String(trimmed.prefix(80))
    }
}
