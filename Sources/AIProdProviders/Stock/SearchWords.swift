/// A query's keywords as the words of one search: trimmed, empty ones dropped, at most 8 of
/// them and 200 characters (a search is a few words, not a paragraph).
enum SearchWords {
    static func text(_ keywords: [String]) -> String {
        let words = keywords.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.prefix(8)
        return String(words.joined(separator: " ").prefix(200))
    }
}
