import AIProdCore

/// Estimates how long each scene's narration takes and paces the plan to a requested length.
///
/// Speech is `words / wpm × 60` seconds plus 0.35 s for each sentence end (the narrator's pause;
/// a scene's last sentence ends too, before the next scene), rounded once to the millisecond, so
/// every duration is an exact ``Rational`` that JSON writes as a short decimal.
///
/// A target duration is met by pacing, never by cutting words:
/// - longer than the natural length: the missing time becomes silence after each scene's
///   narration, shared in proportion to the scenes' speech (a long scene breathes longer), at
///   most ``maxScenePauseMilliseconds`` per scene; time no scene can take any more is reported in a
///   warning. Shares are whole milliseconds that add up exactly to the target.
/// - shorter: the voice speeds up, to the slowest rate that fits, at most ``maxSpeedUp`` times its
///   own; the plan's `wordsPerMinute` says so and a warning too. If even that is too long, a
///   warning says the target cannot be reached without cutting words, and all words stay.
struct SpeechPacer: Sendable {
    /// What one scene asks of the narrator.
    struct Scene: Sendable, Hashable {
        var words: Int
        var sentences: Int
    }

    /// The paced scenes.
    struct Result: Sendable, Hashable {
        var wordsPerMinute: Int
        var speechMilliseconds: [Int64]
        var pauseMilliseconds: [Int64]
        var warnings: [String]

        var totalMilliseconds: Int64 { speechMilliseconds.reduce(0, +) + pauseMilliseconds.reduce(0, +) }
    }

    static let sentencePauseMilliseconds: Int64 = 350
    static let maxScenePauseMilliseconds: Int64 = 6000
    /// The fastest pacing allowed, as a factor of the voice's rate: 5/4.
    static let maxSpeedUp = (numerator: 5, denominator: 4)

    /// The voice's own rate.
    var wordsPerMinute: Int

    /// Narration time of `words` words in `sentences` sentences at `wordsPerMinute`, in whole
    /// milliseconds (the word time rounded half up, then the sentence pauses added).
    static func speechMilliseconds(words: Int, sentences: Int, wordsPerMinute: Int) -> Int64 {
        let rate = Int64(max(wordsPerMinute, 1))
        let wordTime = (Int64(words) * 120_000 + rate) / (2 * rate)
        return wordTime + sentencePauseMilliseconds * Int64(sentences)
    }

    /// `scenes` paced to `target` seconds (nil: their natural length).
    func pace(_ scenes: [Scene], target: Rational?) -> Result {
        let natural = speech(scenes, wordsPerMinute: wordsPerMinute)
        var result = Result(
            wordsPerMinute: wordsPerMinute, speechMilliseconds: natural,
            pauseMilliseconds: Array(repeating: 0, count: scenes.count), warnings: [])
        guard let target, !scenes.isEmpty else { return result }
        let targetMilliseconds = target.rounded(toUnitsOf: Rational(1000))
        let naturalTotal = natural.reduce(0, +)
        if naturalTotal < targetMilliseconds {
            addPauses(to: &result, filling: targetMilliseconds - naturalTotal, target: targetMilliseconds)
        } else if naturalTotal > targetMilliseconds {
            speedUp(&result, scenes: scenes, target: targetMilliseconds)
        }
        return result
    }

    private func speech(_ scenes: [Scene], wordsPerMinute: Int) -> [Int64] {
        scenes.map { Self.speechMilliseconds(words: $0.words, sentences: $0.sentences, wordsPerMinute: wordsPerMinute) }
    }

    /// Shares `extra` milliseconds of silence in proportion to speech, filling scenes up to the
    /// cap and handing what a full scene cannot take to the others.
    private func addPauses(to result: inout Result, filling extra: Int64, target: Int64) {
        var remaining = extra
        var open = Array(result.speechMilliseconds.indices)
        while remaining > 0, !open.isEmpty {
            let weight = open.reduce(Int64(0)) { $0 + result.speechMilliseconds[$1] }
            // Largest remainders: floor shares, then one more millisecond to the biggest
            // fractions (earlier scenes first among equals) until the sum is exact.
            var shares = open.map { remaining * result.speechMilliseconds[$0] / weight }
            let fractions = open.map { remaining * result.speechMilliseconds[$0] % weight }
            var leftover = remaining - shares.reduce(0, +)
            for position in open.indices.sorted(by: { fractions[$0] != fractions[$1] ? fractions[$0] > fractions[$1] : $0 < $1 }) {
                guard leftover > 0 else { break }
                shares[position] += 1
                leftover -= 1
            }
            var stillOpen: [Int] = []
            for (position, scene) in open.enumerated() {
                let room = Self.maxScenePauseMilliseconds - result.pauseMilliseconds[scene]
                let given = min(shares[position], room)
                result.pauseMilliseconds[scene] += given
                remaining -= given
                if given < room { stillOpen.append(scene) }
            }
            if stillOpen.count == open.count { break }
            open = stillOpen
        }
        if remaining > 0 {
            result.warnings.append(
                "the \(Self.seconds(target)) target needs more than \(Self.seconds(Self.maxScenePauseMilliseconds)) of pause "
                    + "per scene; the plan runs \(Self.seconds(result.totalMilliseconds)), "
                    + "\(Self.seconds(remaining)) short (add text or scenes to fill it)")
        }
    }

    /// Raises the rate to the slowest that fits `target`, within ``maxSpeedUp``.
    private func speedUp(_ result: inout Result, scenes: [Scene], target: Int64) {
        let fastest = wordsPerMinute * Self.maxSpeedUp.numerator / Self.maxSpeedUp.denominator
        let words = Int64(scenes.reduce(0) { $0 + $1.words })
        let pauses = Self.sentencePauseMilliseconds * Int64(scenes.reduce(0) { $0 + $1.sentences })
        var rate = fastest
        if target > pauses {
            // words × 60000 / rate ≤ target − pauses, rounded up; per-scene rounding may still
            // need a step or two more.
            let needed = (words * 60_000 + (target - pauses) - 1) / (target - pauses)
            rate = Int(min(max(needed, Int64(wordsPerMinute)), Int64(fastest)))
        }
        var speech = self.speech(scenes, wordsPerMinute: rate)
        while speech.reduce(0, +) > target, rate < fastest {
            rate += 1
            speech = self.speech(scenes, wordsPerMinute: rate)
        }
        result.wordsPerMinute = rate
        result.speechMilliseconds = speech
        if rate > wordsPerMinute {
            result.warnings.append(
                "narration sped up from \(wordsPerMinute) to \(rate) words per minute to fit the \(Self.seconds(target)) target")
        }
        let total = speech.reduce(0, +)
        if total > target {
            result.warnings.append(
                "the script needs \(Self.seconds(total)) even at \(rate) words per minute (the fastest pacing, "
                    + "1.25× the voice's rate); the \(Self.seconds(target)) target cannot be reached without cutting words, "
                    + "and the planner never cuts words")
        }
    }

    /// "12 s", "7.25 s": milliseconds as seconds, for warnings.
    static func seconds(_ milliseconds: Int64) -> String {
        let whole = milliseconds / 1000, fraction = milliseconds % 1000
        guard fraction != 0 else { return "\(whole) s" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits) s"
    }
}
