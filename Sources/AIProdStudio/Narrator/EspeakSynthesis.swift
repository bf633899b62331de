/// What one espeak-ng synthesis produced: mono 16-bit samples at espeak-ng's rate (22 050 Hz)
/// and its word events, in order of the audio.
struct EspeakSynthesis: Sendable {
    var samples: [Int16]
    var sampleRate: Int
    var words: [EspeakWordEvent]
}
