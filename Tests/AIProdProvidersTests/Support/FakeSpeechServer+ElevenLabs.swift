import AIProdCore
import AIProdStudio
import Foundation
import Hummingbird

/// ElevenLabs' with-timestamps endpoint as its public docs describe it: `POST
/// /v1/text-to-speech/{voice_id}/with-timestamps` with `xi-api-key`, answering
/// `{audio_base64, alignment: {characters, character_start_times_seconds,
/// character_end_times_seconds}}`. The speech is real (espeak-ng at another rate), the audio an
/// MP3 at 44.1 kHz as the service sends it (or a 48 kHz 16-bit WAV), and the alignment real:
/// every character of the text gets a time inside its word's true span.
extension FakeSpeechServer {
    struct ElevenLabsBody: Decodable {
        var text: String
        var model_id: String?
    }

    /// A spoken text, the reply the fake sends for it, the true word timings and the speech's
    /// length in 48 kHz samples.
    struct ElevenLabsAnswer: Sendable {
        var json: String
        var words: [WordTiming]
        var samples: Int
    }

    static func elevenLabsRoute(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer,
                                answer: @escaping @Sendable (String) async -> String = { await elevenLabsAnswer($0)?.json ?? "{}" }) {
        router.post("v1/text-to-speech/:voice/with-timestamps") { request, _ -> Response in
            let received = try await server.remember(request)
            guard let body = try? JSONDecoder().decode(ElevenLabsBody.self, from: received.body) else {
                return FakeProviderServer.json(#"{"detail": {"status": "invalid_request"}}"#, status: .unprocessableContent)
            }
            return FakeProviderServer.json(await answer(body.text))
        }
    }

    /// Real speech of `text` with its character alignment, as the fake answers: the audio as
    /// ElevenLabs sends it (`mp3`: MP3 at 44.1 kHz, encoded with libmp3lame) or as a WAV.
    static func elevenLabsAnswer(_ text: String, wordsPerMinute: Int = 190, mp3: Bool = false) async -> ElevenLabsAnswer? {
        await blocking { () -> ElevenLabsAnswer? in
            guard let spoken = try? SpeechWAV.espeak(text, wordsPerMinute: wordsPerMinute, pitch: 60) else { return nil }
            var audio = SpeechWAV.pcm16(spoken.samples, sampleRate: 48_000)
            if mp3 {
                guard let encoded = try? SpeechWAV.mp3(audio) else { return nil }
                audio = encoded
            }
            let (characters, starts, ends) = characterTimes(text, words: spoken.words)
            let object: [String: Any] = [
                "audio_base64": audio.base64EncodedString(),
                "alignment": ["characters": characters, "character_start_times_seconds": starts, "character_end_times_seconds": ends],
                "normalized_alignment": ["characters": characters, "character_start_times_seconds": starts, "character_end_times_seconds": ends],
            ]
            guard let data = try? JSONSerialization.data(withJSONObject: object) else { return nil }
            return ElevenLabsAnswer(json: String(decoding: data, as: UTF8.self), words: spoken.words, samples: spoken.samples.count)
        }
    }

    /// One entry per character of `text`: those of a word share its true span evenly, the
    /// spaces between words sit at the end of the word before.
    static func characterTimes(_ text: String, words: [WordTiming]) -> ([String], [Double], [Double]) {
        let scalars = Array(text.unicodeScalars)
        var starts = [Double](repeating: -1, count: scalars.count), ends = [Double](repeating: -1, count: scalars.count)
        let tokens = SpeechText(text).tokens
        var next = 0
        for word in words {
            let count = word.text.split(separator: " ").count
            let covered = tokens[next..<min(next + count, tokens.count)].filter { !$0.spoken.isEmpty }
            next += count
            guard let first = covered.first, let last = covered.last else { continue }
            let from = first.spokenOffset, to = last.spokenOffset + last.spokenLength
            let start = Double(word.startSample) / 48_000, step = Double(word.endSample - word.startSample) / 48_000 / Double(to - from)
            for index in from..<to {
                starts[index] = start + Double(index - from) * step
                ends[index] = start + Double(index - from + 1) * step
            }
        }
        var last = 0.0, lastStart = 0.0
        for index in scalars.indices {
            if starts[index] < 0 {
                starts[index] = last
                ends[index] = last
            }
            // espeak-ng's word events do not always map one to one onto the text's words (it is
            // not repeatable from call to call); the service's alignment never goes back in time.
            starts[index] = max(starts[index], lastStart)
            ends[index] = max(ends[index], starts[index])
            lastStart = starts[index]
            last = ends[index]
        }
        return (scalars.map { String($0) }, starts, ends)
    }
}
