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
    /// OpenAI-compatible image generation (`/images/generations`): hosted OpenAI, LocalAI.
    case openAIImages = "openai-images"
    /// AUTOMATIC1111's and Forge's `txt2img` API (`/sdapi/v1/txt2img`).
    case a1111 = "a1111"
    /// ComfyUI: a workflow template submitted to `/prompt`, its history polled, its output fetched.
    case comfyUI = "comfyui"
    /// Runway's image to video (`/v1/image_to_video`, then `/v1/tasks/{id}`).
    case runway = "runway"
    /// Pexels' photo and video search.
    case pexels = "pexels"
    /// Freesound's text search (API v2), its previews downloaded.
    case freesound = "freesound"
    /// A studio's own music model behind one POST (prompt and duration in, audio out).
    case musicHTTP = "music-http"

    /// Which studio stage the kind can stand in for.
    public var role: ProviderRole {
        switch self {
        case .openAIChat: .llm
        case .openAISpeech, .elevenLabs, .googleTTS: .voice
        case .openAIImages, .a1111, .comfyUI: .image
        case .runway: .motion
        case .pexels: .stock
        case .freesound: .effects
        case .musicHTTP: .music
        }
    }

    /// The unit the kind is priced in.
    public var unit: ProviderUnit {
        switch self {
        case .openAIChat: .tokens
        case .openAISpeech, .elevenLabs, .googleTTS: .characters
        case .openAIImages, .a1111, .comfyUI: .images
        case .runway: .seconds
        case .pexels, .freesound: .requests
        case .musicHTTP: .tracks
        }
    }

    /// The base URL used when the section names none (the public hosted API), if the kind has one.
    public var defaultURL: String? {
        switch self {
        case .openAIChat, .openAISpeech, .openAIImages, .a1111, .comfyUI, .musicHTTP: nil
        case .elevenLabs: "https://api.elevenlabs.io"
        case .googleTTS: "https://texttospeech.googleapis.com"
        case .runway: "https://api.dev.runwayml.com"
        case .pexels: "https://api.pexels.com"
        case .freesound: "https://freesound.org"
        }
    }

    /// The model used when the section names none; nil: `model` is required.
    public var defaultModel: String? {
        switch self {
        case .openAIChat: nil
        case .openAISpeech: "tts-1"
        case .elevenLabs: "eleven_multilingual_v2"
        case .googleTTS: ""
        case .openAIImages: "dall-e-3"
        case .runway: "gen4_turbo"
        case .a1111, .comfyUI, .pexels, .freesound, .musicHTTP: ""
        }
    }

    /// The price per 1,000 units when the section sets none, from `[costs]`.
    public func defaultUsdPer1kUnits(_ costs: CostsConfig) -> Double {
        switch unit {
        case .tokens: costs.llmUsdPer1kTokens
        case .characters: costs.ttsUsdPer1kCharacters
        case .images: costs.imageUsdEach * 1_000
        case .seconds: costs.videoUsdPerSecond * 1_000
        case .tracks: costs.musicUsdPerTrack * 1_000
        case .requests: 0
        }
    }
}
