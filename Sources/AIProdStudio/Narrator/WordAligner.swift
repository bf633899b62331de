import AIProdMedia

/// Turns espeak-ng's word events into subtitle word timings, exact to the sample.
///
/// A word event gives the character where a word starts and the sample at which espeak-ng
/// begins it; events arrive in audio order. The aligner
/// - finds the subtitle token holding each event's character (``SpeechText/tokenIndex(atCharacter:)``);
///   a number read as several words ("1984") gives several events for one token, and espeak-ng
///   now and then reports a stray event pointing back into the text: only the first event of
///   each later token counts;
/// - gives tokens without an event (a URL, a dash, a lone «) to a neighbour: opening brackets
///   and quotes to the word after, everything else to the word before;
/// - moves each start forward over digital silence (espeak-ng starts a word at the pause
///   before it: after "world," the next word's event is ~3 000 samples into a 3 500-sample
///   pause) and ends each word at its last sound before the next word's event, so a timing is
///   when the word is heard, never ahead of the voice, and pauses stay gaps;
/// - maps espeak-ng's samples (22 050 Hz) to 48 kHz with ``PCMResampler/position48k(of:sampleRate:)``,
///   the same rounding the resampled WAV's length gets, so every timing lies within it.
enum WordAligner {
    /// A sample this quiet or quieter is silence (espeak-ng pauses are exact zeros; −72 dBFS).
    static let silenceLevel: Int32 = 8

    static func align(_ synthesis: EspeakSynthesis, text: SpeechText) -> [WordTiming] {
        let samples = synthesis.samples
        let total = Int64(samples.count)
        var eventSample: [Int: Int64] = [:]
        var lastToken = -1
        for event in synthesis.words {
            guard let token = text.tokenIndex(atCharacter: event.textPosition), token > lastToken else { continue }
            eventSample[token] = min(max(event.sample, 0), total)
            lastToken = token
        }

        // Tokens grouped around the ones that have an event.
        var groups: [(text: String, sample: Int64)] = []
        var prefix: [String] = []
        for (index, token) in text.tokens.enumerated() {
            if let sample = eventSample[index] {
                groups.append(((prefix + [token.subtitle]).joined(separator: " "), sample))
                prefix = []
            } else if token.opensPhrase || groups.isEmpty {
                prefix.append(token.subtitle)
            } else {
                groups[groups.count - 1].text += " " + token.subtitle
            }
        }
        if !prefix.isEmpty, !groups.isEmpty { groups[groups.count - 1].text += " " + prefix.joined(separator: " ") }

        var words: [WordTiming] = []
        var carried: String?
        for (index, group) in groups.enumerated() {
            let limit = index + 1 < groups.count ? groups[index + 1].sample : total
            let joined = carried.map { $0 + " " + group.text } ?? group.text
            guard let start = firstSound(in: samples, from: group.sample, to: limit) else {
                // Nothing heard before the next word: the text joins a neighbour.
                if index + 1 < groups.count || words.isEmpty {
                    carried = joined
                } else {
                    words[words.count - 1].text += " " + joined
                }
                continue
            }
            carried = nil
            let end = lastSound(in: samples, from: start, to: limit) + 1
            words.append(WordTiming(
                text: joined,
                startSample: PCMResampler.position48k(of: start, sampleRate: synthesis.sampleRate),
                endSample: PCMResampler.position48k(of: end, sampleRate: synthesis.sampleRate)))
        }
        return words
    }

    /// The first audible sample in `from..<to`, or nil if all are silent.
    private static func firstSound(in samples: [Int16], from: Int64, to: Int64) -> Int64? {
        var index = Int(from)
        while index < Int(to) {
            if abs(Int32(samples[index])) > silenceLevel { return Int64(index) }
            index += 1
        }
        return nil
    }

    /// The last audible sample in `from..<to` (`from` itself is audible).
    private static func lastSound(in samples: [Int16], from: Int64, to: Int64) -> Int64 {
        var index = Int(to) - 1
        while index > Int(from), abs(Int32(samples[index])) <= silenceLevel { index -= 1 }
        return Int64(index)
    }
}
