import AIProdCore

/// One remote text-to-speech API: how to ask it to speak and how to read what it answers.
/// A value type per API (``OpenAISpeechAPI``, ``ElevenLabsAPI``, ``GoogleTTSAPI``); the rest
/// (probing the audio, aligning the words, writing the WAV) is shared by ``RemoteVoice``.
protocol SpeechAPI: Sendable {
    /// The request that speaks `input` (the cleaned, spoken form of the text) with `voice`.
    func request(input: String, voice: String, language: Language, transport: ProviderTransport) throws(ProviderError) -> HTTPClientRequest

    /// The audio bytes of a 2xx reply and, when the API gives them, its character timings.
    /// Everything is checked: a reply that is not the API's shape is `.malformedReply`.
    func reply(_ response: HTTPClientResponse, input: String, provider: String) throws(ProviderError) -> SpeechReply
}
