import AIProdCore

/// A narration script a model wrote from a prompt: what the plan stage then plans, as if a
/// person had sent it.
public struct WrittenScript: Sendable, Hashable {
    /// The `# title` the model gave, if it gave one.
    public var title: String?
    /// Plain paragraphs separated by blank lines, optional `## headings`; no title line.
    public var script: String
    public var language: Language

    public init(title: String?, script: String, language: Language) {
        self.title = title
        self.script = script
        self.language = language
    }

    /// The script with its title as a first `# ` line: the text to plan, so the plan keeps
    /// the model's title (the offline planner reads a first `#` line as the title, not narration).
    public var document: String {
        guard let title else { return script }
        return "# \(title)\n\n\(script)"
    }
}
