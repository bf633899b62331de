import AIProdCore
import AIProdStudio
import Foundation

/// Reads a model's script answer: the `# title` line, the script under it, and every rule the
/// narrator needs — words to speak, in the asked language, in the asked length, with no markup
/// a voice would read out ("asterisk asterisk") or a director would show. Each failure is a
/// reason the model is told when it is asked again.
struct ScriptReplyValidator: Sendable {
    var language: Language
    var length: ScriptPrompt.Length
    var maxCharacters: Int

    /// Longest title kept, in characters, before "…" (as the offline planner's titles).
    static let maxTitleCharacters = 60

    func script(from answer: String) throws(AnswerRejection) -> WrittenScript {
        var lines = Self.unfenced(answer).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        var title: String?
        if let first = lines.first, first.hasPrefix("# ") {
            title = Self.shortened(first.dropFirst(2).trimmingCharacters(in: .whitespaces))
            lines.removeFirst()
        }
        let script = lines.joined(separator: "\n").replacingOccurrences(of: "\n\n\n+", with: "\n\n", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // Spoken words: `## headings` are shown, not read.
        let words = script.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }
            .reduce(0) { $0 + ScriptText.words(in: String($1)).count }
        guard words > 0 else { throw AnswerRejection("the answer has no script, only \(title == nil ? "nothing" : "a title")") }
        try checkMarkup(script)
        guard length.range.contains(words) else {
            throw AnswerRejection("the script has \(words) words; it must have \(length.range.lowerBound)–\(length.range.upperBound) (about \(length.words))")
        }
        let characters = script.count
        guard characters <= maxCharacters else {
            throw AnswerRejection("the script has \(characters) characters; at most \(maxCharacters)")
        }
        // Last: a text too short to judge would be refused for its language, not its length.
        let detected = ScriptText.language(of: script)
        let name = language == .french ? "French" : "English"
        guard detected.language == language, detected.warning == nil else {
            throw AnswerRejection("the script is not in \(name)\(detected.warning.map { " (\($0))" } ?? "")")
        }
        return WrittenScript(title: title.flatMap { $0.isEmpty ? nil : $0 }, script: script, language: language)
    }

    /// Rejects what a voice must not read: tags, emphasis, lists, quotes, bracketed directions,
    /// speaker labels, headings other than `##`, control characters.
    func checkMarkup(_ script: String) throws(AnswerRejection) {
        if script.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            throw AnswerRejection("the script holds control characters")
        }
        if let range = script.range(of: #"</?[A-Za-z][^>]*>"#, options: .regularExpression) {
            throw AnswerRejection("the script holds markup (\(script[range].prefix(30))): write plain sentences")
        }
        for mark in ["**", "__", "`", "[", "]", "{", "}"] where script.contains(mark) {
            throw AnswerRejection("the script holds \"\(mark)\": no formatting, code or bracketed notes, only spoken words")
        }
        for line in script.split(whereSeparator: \.isNewline) {
            let text = String(line)
            if text.hasPrefix("#") {
                guard text.hasPrefix("## "), !text.hasPrefix("### ") else {
                    throw AnswerRejection("the line \"\(text.prefix(40))\" is a heading other than \"## \": only ## headings may start sections")
                }
                continue
            }
            if text.range(of: #"^([-*+•>]\s|\d+[.)]\s)"#, options: .regularExpression) != nil {
                throw AnswerRejection("the line \"\(text.prefix(40))\" is a list item or a quote: write paragraphs of sentences")
            }
            if text.hasPrefix("("), text.hasSuffix(")") {
                throw AnswerRejection("the line \"\(text.prefix(40))\" is a direction in parentheses: only words to be spoken")
            }
            if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 24,
               Self.isSpeakerLabel(String(text[..<colon])) {
                throw AnswerRejection("the line \"\(text.prefix(40))\" starts with a speaker label: write only the words to be spoken")
            }
        }
    }

    /// "Narrator", "Narrateur ", "VOICE-OVER", any word in capitals: a label before a colon,
    /// not the start of a sentence.
    static func isSpeakerLabel(_ label: String) -> Bool {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        let known = ["narrator", "narrateur", "narratrice", "voice-over", "voice over", "voix off", "host", "speaker", "presenter", "présentateur"]
        if known.contains(trimmed.lowercased()) { return true }
        return trimmed.count >= 2 && trimmed == trimmed.uppercased() && trimmed.contains(where: \.isLetter)
    }

    /// The answer without a code fence wrapped around all of it.
    static func unfenced(_ answer: String) -> String {
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("```"), trimmed.hasSuffix("```"), trimmed.count >= 6 else { return trimmed }
        var body = trimmed.dropFirst(3).dropLast(3)
        if let newline = body.firstIndex(where: \.isNewline) { body = body[body.index(after: newline)...] }
        return String(body)
    }

    /// `text` cut at a word to ``maxTitleCharacters`` with "…", control characters removed.
    static func shortened(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        guard clean.count > maxTitleCharacters else { return clean }
        let head = clean.prefix(maxTitleCharacters)
        let cut = head.lastIndex(where: \.isWhitespace) ?? head.endIndex
        return head[..<cut].trimmingCharacters(in: .whitespaces) + "…"
    }
}
