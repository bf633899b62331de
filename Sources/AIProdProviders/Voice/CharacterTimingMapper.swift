import AIProdStudio

/// Word timings from a provider's character timings (ElevenLabs' `alignment`): exact by
/// construction, no guessing. Each subtitle word (as the reference reading groups the
/// script's tokens) starts when its first spoken character starts and ends when its last one
/// ends.
enum CharacterTimingMapper {
    /// The reference's words timed by `alignment`, or nil when the alignment is not of the
    /// text that was sent (then the words are aligned to the audio instead).
    static func words(reference: [WordTiming], speech: SpeechText, alignment: CharacterAlignment, totalSamples: Int64) -> [WordTiming]? {
        guard alignment.text == speech.spoken else { return nil }
        // The character (entry of the alignment) holding each Unicode scalar of the spoken text.
        var entryOfScalar: [Int] = []
        for (entry, character) in alignment.characters.enumerated() {
            for _ in character.unicodeScalars { entryOfScalar.append(entry) }
        }
        let tokens = speech.tokens
        let rate = Double(Narration.sampleRate)
        var next = 0
        var timed: [WordTiming] = []
        for word in reference {
            // The tokens the reference joined into this word.
            var joined = ""
            var spoken: [SpeechToken] = []
            while next < tokens.count, joined.unicodeScalars.count < word.text.unicodeScalars.count {
                joined += (joined.isEmpty ? "" : " ") + tokens[next].subtitle
                if !tokens[next].spoken.isEmpty { spoken.append(tokens[next]) }
                next += 1
            }
            guard joined == word.text, let first = spoken.first, let last = spoken.last else { return nil }
            let from = first.spokenOffset, to = last.spokenOffset + last.spokenLength
            guard from < to, to <= entryOfScalar.count else { return nil }
            let entries = entryOfScalar[from]...entryOfScalar[to - 1]
            let start = alignment.starts[entries.lowerBound]
            let end = entries.map { alignment.ends[$0] }.max() ?? start
            timed.append(WordTiming(text: word.text, startSample: Int64((start * rate).rounded()), endSample: Int64((end * rate).rounded())))
        }
        return WordTimingBounds.normalized(timed, totalSamples: totalSamples)
    }
}
