import AIProdCore

/// The planner's reading of text, for code outside the studio that must agree with it (an LLM
/// planner checking a model's sound cue, a script writer checking a model's script): what a
/// word is, its compared form, the language, and how long speech lasts.
public enum ScriptText {
    /// The spoken words of `text`, as written (a token with a letter or digit).
    public static func words(in text: String) -> [String] {
        WordTokenizer.words(in: text).map(String.init)
    }

    /// The form lexicons compare: lowercase, no surrounding punctuation, no French elision or
    /// English possessive ("L’orage," → "orage").
    public static func normalized(_ word: String) -> String {
        WordTokenizer.normalized(word)
    }

    /// The language the offline planner would plan `text` in, and its warning when that is a
    /// guess (no evidence, a tie, another language).
    public static func language(of text: String) -> (language: Language, warning: String?) {
        let result = LanguageDetector.detect(text)
        return (result.language, result.warning)
    }

    /// The sentences of `text`, as the planner cuts them (abbreviations, initials and times
    /// kept whole).
    public static func sentences(in text: String) -> [String] {
        SentenceSegmenter().sentences(in: text)
    }

    /// Narration time of `words` words in `sentences` sentences at `wordsPerMinute`, in
    /// milliseconds, as the planner estimates it (sentence-end pauses included).
    public static func speechMilliseconds(words: Int, sentences: Int, wordsPerMinute: Int) -> Int64 {
        SpeechPacer.speechMilliseconds(words: words, sentences: sentences, wordsPerMinute: wordsPerMinute)
    }
}
