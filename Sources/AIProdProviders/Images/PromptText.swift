import Foundation

/// A prompt cut to what an API accepts: at the last word boundary within `maxCharacters`
/// (OpenAI refuses a longer dall-e-3 prompt outright; Runway a longer `promptText`).
enum PromptText {
    static func limited(_ prompt: String, maxCharacters: Int) -> String {
        let trimmed = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count > maxCharacters else { return trimmed }
        let cut = trimmed.prefix(maxCharacters)
        guard let space = cut.lastIndex(where: { $0 == " " || $0 == "\n" }), cut.distance(from: cut.startIndex, to: space) > maxCharacters / 2 else {
            return String(cut)
        }
        return String(cut[..<space])
    }
}
