import AIProdMedia
import CEspeakNG
import Foundation
import Synchronization

/// The process's one espeak-ng: initialised on first use, then every call serialised.
///
/// espeak-ng keeps all its state in globals (the voice, the parameters, the synth callback, the
/// translator's buffers) and is not thread-safe, so every call into it, from
/// `espeak_Initialize` to the end of `espeak_Synth`, runs in one caller's ``EspeakTurn`` and
/// under one static lock. A cancelled job gives up its place in the queue at once, and one
/// being spoken stops after the block espeak-ng is synthesising. A lock, not an actor: the
/// calls are blocking C that run for tens of milliseconds on the caller's thread (a pipeline
/// worker's, never the cooperative pool's), and an actor would either hold a cooperative thread
/// for that long or need an executor of its own to do what a lock does.
/// Only the synthesis is under the lock; resampling and writing the WAV happen outside it.
enum EspeakEngine {
    /// What espeak-ng was last set to, so a voice is only loaded when it changes.
    private struct State: ~Copyable {
        var sampleRate: Int?
        var voice: String?
    }

    private static let state = Mutex(State())

    /// The queue in front of `state`: waiting in it can be cancelled, waiting on a `Mutex` cannot.
    static let turn = EspeakTurn()

    /// Length of the sample blocks the callback receives, in ms (fewer, larger calls; also how
    /// much speech is synthesised after a cancel, a millisecond's work).
    static let bufferMilliseconds: Int32 = 250

    /// The most samples reserved up front (about 7.5 min at 22 050 Hz): a long text's estimate
    /// must not reserve gigabytes before a word is spoken; past it the buffer grows as usual.
    private static let maxReservedSamples = 10_000_000

    /// Speaks UTF-8 `text` with `voice` at `wordsPerMinute` and `pitch` (0…100); throws
    /// `cancelled` once `cancellation` is raised, while waiting for espeak-ng or speaking.
    static func synthesize(
        _ text: String, voice: String, wordsPerMinute: Int, pitch: Int, cancellation: RenderCancellation
    ) throws(StudioError) -> EspeakSynthesis {
        try turn.take(cancellation)
        defer { turn.give() }
        return try state.withLock { (state: inout State) throws(StudioError) -> EspeakSynthesis in
            let sampleRate = try initialize(&state)
            if state.voice != voice {
                state.voice = nil
                guard !isMBROLA(voice) || mbrolaInstalled, select(voice) else { throw missing(voice) }
                state.voice = voice
            }
            let rate = min(max(Int32(clamping: wordsPerMinute), espeakRATE_MINIMUM), espeakRATE_MAXIMUM)
            guard espeak_SetParameter(espeakRATE, rate, 0) == EE_OK,
                  espeak_SetParameter(espeakPITCH, Int32(clamping: min(max(pitch, 0), 100)), 0) == EE_OK
            else {
                throw StudioError(.synthesisFailed, "espeak-ng refused rate \(wordsPerMinute) or pitch \(pitch)")
            }
            let capture = EspeakCapture(cancellation: cancellation)
            capture.samples.reserveCapacity(min(text.utf8.count * 1_200, maxReservedSamples))
            let status = withExtendedLifetime(capture) {
                text.withCString { pointer in
                    espeak_Synth(pointer, text.utf8.count + 1, 0, POS_CHARACTER, 0, UInt32(espeakCHARS_UTF8), nil,
                                 Unmanaged.passUnretained(capture).toOpaque())
                }
            }
            if capture.aborted || cancellation.isCancelled { throw StudioError(.cancelled, "narration cancelled") }
            guard status == EE_OK else {
                throw StudioError(.synthesisFailed, "espeak-ng failed to synthesise (error \(status.rawValue))")
            }
            return EspeakSynthesis(samples: capture.samples, sampleRate: sampleRate, words: capture.words)
        }
    }

    private static func missing(_ voice: String) -> StudioError {
        StudioError(.voiceMissing, "espeak-ng voice \"\(voice)\" is not installed (`espeak-ng --voices` lists them; the mb-* MBROLA voices also need the mbrola program); set voice_en / voice_fr in [studio]")
    }

    /// An MBROLA voice (`mb-fr1`, `mb/mb-fr1`): espeak-ng forks the `mbrola` program for it.
    private static func isMBROLA(_ voice: String) -> Bool {
        let name = voice.lowercased()
        return name.hasPrefix("mb-") || name.hasPrefix("mb/")
    }

    /// Whether an `mbrola` program is on the PATH. Debian does not ship one; without it espeak-ng
    /// would fork a child that fails and print errors, so such a voice is refused up front.
    private static let mbrolaInstalled: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/mbrola") }
    }()

    /// Loads `voice`: by name or file (`en-us`, `roa/fr`, `en-us+f3`), else, as the espeak-ng
    /// command does, by language (`fr-fr` is a language, not a voice name, in espeak-ng 1.51).
    /// A failure may leave a half-loaded voice behind (an MBROLA voice without mbrola), so the
    /// caller forgets the current voice first.
    private static func select(_ voice: String) -> Bool {
        if espeak_SetVoiceByName(voice) == EE_OK { return true }
        return voice.withCString { language in
            var selector = espeak_VOICE()
            selector.languages = language
            return espeak_SetVoiceByProperties(&selector) == EE_OK
        }
    }

    /// Initialises espeak-ng once (synchronous output: audio comes back through the callback
    /// before `espeak_Synth` returns) and returns its sample rate.
    private static func initialize(_ state: inout State) throws(StudioError) -> Int {
        if let sampleRate = state.sampleRate { return sampleRate }
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, bufferMilliseconds, nil, espeakINITIALIZE_DONT_EXIT)
        guard rate > 0 else {
            throw StudioError(.synthesisFailed, "espeak-ng could not start: its data (espeak-ng-data) was not found; install espeak-ng-data")
        }
        espeak_SetSynthCallback(EspeakCapture.callback)
        state.sampleRate = Int(rate)
        return Int(rate)
    }
}
