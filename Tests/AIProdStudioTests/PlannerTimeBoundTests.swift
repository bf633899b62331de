import AIProdCore
@testable import AIProdStudio
import Glibc
import Testing

extension PlannerTests {
    /// Hostile scripts at the default limit (50,000 characters) plan in well under a second in
    /// release (docs/DEVELOPERS.md has the measurements; under 1 s in debug); the bound here is
    /// only a generous guard, loose enough for ASan builds, against the quadratic paths coming
    /// back (one took 7 s of CPU in release, over a minute in debug). Time is the
    /// thread's CPU time, so a loaded machine running tests in parallel does not fail them.
    @Suite("Time bound on pathological scripts")
    struct TimeBound {
        static let bound = 5.0

        /// CPU seconds the calling thread has used.
        static func threadCPUSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        static let scripts: [(String, String)] = [
            ("one 50,000-character sentence without punctuation", String(String(repeating: "word ", count: 10_000).prefix(50_000))),
            ("50,000 characters without a space", String(repeating: "a", count: 50_000)),
            ("dotted, no spaces", String(repeating: "A.b", count: 16_666)),
            ("spaced dots after one word", "a" + String(repeating: " .", count: 24_999)),
            ("thousands of dialogue dashes", String(repeating: "— a\n", count: 12_500)),
            ("hyphen dashes", "a " + String(repeating: "- ", count: 24_999)),
            ("a word of 50,000 dashes", "a " + String(repeating: "—", count: 49_998)),
            ("thousands of quotes", String(repeating: "\"a\" ", count: 12_500)),
            ("open straight quotes", "A. " + String(repeating: "\" ", count: 24_998)),
            ("guillemets", String(repeating: "« A ! » ", count: 6_250)),
            ("10,000 blank lines", "Word one." + String(repeating: "\n", count: 10_000) + "Word two.\n" + String(repeating: " \n", count: 10_000)),
            ("a line of 50,000 #", String(repeating: "#", count: 49_998) + " x"),
            ("10,000 headings", String(repeating: "## a\n", count: 10_000)),
            ("mixed scripts", String(String(repeating: "The storm 東京の雨 مرحبا بالعالم Привет мир 🙂👍🏽 l’orage. ", count: 2_000).prefix(50_000))),
            ("one character of 50,000 scalars", "a" + String(repeating: "\u{301}", count: 49_999)),
            ("words of combining marks", String(String(repeating: "e\u{301}\u{302}\u{303}\u{304} ", count: 10_000).prefix(50_000))),
            ("invalid-looking Unicode", String(String(repeating: "\u{FFFD}\u{FEFF}\u{202E}\u{200D}\u{FFFF}\u{10FFFF}\u{0} a. ", count: 5_000).prefix(50_000))),
            ("16,666 one-word sentences", String(repeating: "A. ", count: 16_666)),
            ("16,666 titles", String(repeating: "M. ", count: 16_666)),
            ("16,666 list numbers", String(repeating: "1. ", count: 16_666)),
            ("ellipses", String(repeating: "a… ", count: 12_500)),
            ("only terminators", String(repeating: "?!", count: 25_000)),
            ("8,333 scenes", String(repeating: "A b.\n\n", count: 8_333)),
            ("elisions", String(repeating: "l'", count: 25_000)),
            ("a hyphenated word of 25,000 parts", String(repeating: "a-", count: 25_000)),
            ("16,666 lowercase initials: one sentence", String(repeating: "a. ", count: 16_666)),
            ("7,142 times", String(repeating: "9 p.m. ", count: 7_142)),
            ("a tag after every dot", String(repeating: "a. <b> ", count: 7_142)),
            ("a heading of nested quotes", String(repeating: "(«\"", count: 6_000) + "a" + String(repeating: ",\"»)", count: 6_000)),
        ]

        @Test("each plans (or is refused with a StudioError) within the bound", arguments: scripts.indices)
        func bounded(index: Int) {
            Self.expectBounded(Self.scripts[index], targets: [nil])
        }

        @Test("pacing thousands of scenes to a day or to a second stays within the bound", arguments: [17, 22])
        func boundedPacing(index: Int) {
            Self.expectBounded(Self.scripts[index], targets: [Rational(86_400), Rational(1)])
        }

        static func expectBounded(_ input: (String, String), targets: [Rational?]) {
            let (name, script) = input
            for target in targets {
                let start = Self.threadCPUSeconds()
                do {
                    let plan = try PlannerTests.plan(script, target: target)
                    #expect(!plan.scenes.isEmpty, "\(name)")
                } catch {
                    #expect(error.code == .emptyScript, "\(name): \(error)")
                }
                let elapsed = Self.threadCPUSeconds() - start
                #expect(elapsed < Self.bound, "\(name), target \(String(describing: target)): \(elapsed) s of CPU")
            }
        }

        @Test("a title line ending in a run of spaced dots keeps its words")
        func titleOfDots() throws {
            let plan = try PlannerTests.plan("Harbour at dawn" + String(repeating: " .", count: 2_000) + "\n\nThe boats leave.")
            #expect(plan.title == "Harbour at dawn")
        }

        @Test("a scene heading drops the marks around a word of dashes")
        func headingOfDashes() {
            let heading = SceneHeading(language: .english).heading(from: ["——————a——— b c."])
            #expect(heading == "a——— b c")
            // Balanced since issue 9: the guillemets stay as a pair (it was "Quoi?» dit-il, …").
            #expect(SceneHeading(language: .french).heading(from: ["«Quoi?» dit-il, un deux trois quatre cinq."])
                == "«Quoi?» dit-il, un deux trois quatre cinq")
        }

        @Test("a heading of thousands of nested quotes or commas is made in bounded time")
        func hostileHeading() {
            let nested = String(repeating: "(«\"", count: 5_000) + "word" + String(repeating: ",\"»)", count: 5_000)
            let start = Self.threadCPUSeconds()
            let heading = SceneHeading(language: .english).heading(from: [nested + " and more words after it here."])
            #expect(heading.contains("word"))
            #expect(Self.threadCPUSeconds() - start < Self.bound)
        }

        @Test("long paragraphs: the fewest scenes of at most 12 s, cut closest to even shares", arguments: [3, 40, 700])
        func splitMatchesExhaustiveSearch(sentences: Int) {
            let grouper = SceneGrouper(wordsPerMinute: 150, targetSeconds: 12)
            var generator = SplitMix64(seed: UInt64(sentences))
            let block = SceneGrouper.Block(heading: "H", sentences: (0..<sentences).map { _ in
                Array(repeating: "word", count: Int(generator.next() % 40) + 1).joined(separator: " ") + "."
            })
            let lengths = block.sentences.map {
                SpeechPacer.speechMilliseconds(words: WordTokenizer.words(in: $0).count, sentences: 1, wordsPerMinute: 150)
            }
            let parts = grouper.split(block)
            #expect(parts.flatMap(\.sentences) == block.sentences)
            #expect(parts.first?.heading == "H" && parts.dropFirst().allSatisfy { $0.heading == nil })
            var offset = 0
            for part in parts {
                let length = lengths[offset..<(offset + part.sentences.count)].reduce(0, +)
                #expect(part.sentences.count == 1 || length <= 12_000, "\(length) ms in \(part.sentences.count) sentences")
                offset += part.sentences.count
            }
            let total = lengths.reduce(0, +)
            #expect(parts.count == (total > 12_000 ? Self.fewestParts(lengths, cap: 12_000) : 1))
            let closest = Self.exhaustiveClosestCuts(lengths, parts: parts.count)
            if SceneGrouper.fits(lengths, cuts: closest, cap: 12_000) {
                #expect(parts.map(\.sentences.count) == zip(closest.dropFirst(), closest).map { $0 - $1 })
            }
        }

        /// The fewest parts within `cap` (or of one sentence), by dynamic programming.
        static func fewestParts(_ lengths: [Int64], cap: Int64) -> Int {
            var fewest = [0] + Array(repeating: Int.max, count: lengths.count)
            for end in 1...lengths.count {
                var sum: Int64 = 0
                for start in stride(from: end - 1, through: 0, by: -1) {
                    sum += lengths[start]
                    guard end - start == 1 || sum <= cap else { break }
                    fewest[end] = min(fewest[end], fewest[start] + 1)
                }
            }
            return fewest[lengths.count]
        }

        /// The cut search the planner used before the binary search: every candidate, the
        /// first of the closest.
        static func exhaustiveClosestCuts(_ lengths: [Int64], parts: Int) -> [Int] {
            let total = lengths.reduce(0, +)
            var cumulative: [Int64] = [0]
            for length in lengths { cumulative.append(cumulative[cumulative.count - 1] + length) }
            var cuts = [0]
            for part in 1..<max(parts, 1) {
                let ideal = total * Int64(part) / Int64(parts)
                let lowest = cuts[cuts.count - 1] + 1, highest = lengths.count - (parts - part)
                var best = lowest
                for candidate in lowest...highest where abs(cumulative[candidate] - ideal) < abs(cumulative[best] - ideal) {
                    best = candidate
                }
                cuts.append(best)
            }
            cuts.append(lengths.count)
            return cuts
        }
    }
}
