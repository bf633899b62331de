import AIProdCore

/// A script as the offline planner reads it before it chooses scenes: its title, its language
/// and its sentences, paragraph by paragraph, with the author's `## headings`. What an LLM
/// planner numbers and sends, so that the narration stays the script's own words, cut exactly
/// as the offline planner cuts them.
public struct ScriptOutline: Sendable, Hashable {
    /// A blank-line separated paragraph, or the text under a heading.
    public struct Paragraph: Sendable, Hashable {
        /// The author's `## heading` that starts it, if any.
        public var heading: String?
        public var sentences: [String]

        public init(heading: String?, sentences: [String]) {
            self.heading = heading
            self.sentences = sentences
        }
    }

    public var title: String
    public var language: Language
    /// Why `language` is a guess (an unknown or ambiguous language), as the plan says it.
    public var languageWarning: String?
    /// At least one, each with at least one sentence.
    public var paragraphs: [Paragraph]

    public init(title: String, language: Language, languageWarning: String?, paragraphs: [Paragraph]) {
        self.title = title
        self.language = language
        self.languageWarning = languageWarning
        self.paragraphs = paragraphs
    }

    /// Every sentence, in order.
    public var sentences: [String] { paragraphs.flatMap(\.sentences) }
}
