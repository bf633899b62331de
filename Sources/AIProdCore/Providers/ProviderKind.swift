/// The remote APIs aiprod speaks, by the `kind` of a `[provider.NAME]` section. Each kind is
/// one public API (and every server that copies it), never one vendor's SDK.
public enum ProviderKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// OpenAI-compatible chat completions: Ollama, llama.cpp's server, vLLM, LM Studio,
    /// Gemini's compatible endpoint, hosted OpenAI.
    case openAIChat = "openai-chat"
    /// OpenAI-compatible speech (`/audio/speech`): Kokoro-FastAPI, LocalAI, openedai-speech.
    case openAISpeech = "openai-speech"
    /// ElevenLabs text to speech, its with-timestamps endpoint (character timings).
    case elevenLabs = "elevenlabs"
    /// Google Cloud Text-to-Speech `text:synthesize`.
    case googleTTS = "google-tts"

    /// Which studio stage the kind can stand in for.
    public var role: ProviderRole {
        switch self {
        case .openAIChat: .llm
        case .openAISpeech, .elevenLabs, .googleTTS: .voice
        }
    }

    /// The unit the kind is priced in.
    public var unit: ProviderUnit {
        switch self {
        case .openAIChat: .tokens
        case .openAISpeech, .elevenLabs, .googleTTS: .characters
        }
    }

    /// The base URL used when the section names none (the public hosted API), if the kind has one.
    public var defaultURL: String? {
        switch self {
        case .openAIChat, .openAISpeech: nil
        case .elevenLabs: "https://api.elevenlabs.io"
        case .googleTTS: "https://texttospeech.googleapis.com"
        }
    }

    /// The model used when the section names none; nil: `model` is required.
    public var defaultModel: String? {
        switch self {
        case .openAIChat: nil
        case .openAISpeech: "tts-1"
        case .elevenLabs: "eleven_multilingual_v2"
        case .googleTTS: ""
        }
    }
}
