import AIProdStudio

/// The promise every Narration keeps, enforced on timings computed from outside data: words
/// in order, each at least one sample long, none overlapping the next, all within
/// `0...totalSamples`.
enum WordTimingBounds {
    static func normalized(_ words: [WordTiming], totalSamples: Int64) -> [WordTiming] {
        guard totalSamples > 0 else { return [] }
        var result: [WordTiming] = []
        result.reserveCapacity(words.count)
        var floor: Int64 = 0
        for (index, word) in words.enumerated() {
            // Leave one sample for each word still to come.
            let remaining = Int64(words.count - index)
            let latestStart = max(totalSamples - remaining, floor)
            let start = min(max(word.startSample, floor), latestStart)
            let end = min(max(word.endSample, start + 1), totalSamples - remaining + 1)
            result.append(WordTiming(text: word.text, startSample: start, endSample: max(end, start + 1)))
            floor = max(end, start + 1)
        }
        return result
    }
}
