import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Titles, scenes and keywords")
    struct Scenes {
        @Test("a first # heading is the title and is not narrated")
        func headingTitle() throws {
            let plan = try PlannerTests.plan("# My Title\n\nThe lighthouse keeper climbs the stairs every single evening at dusk.")
            #expect(plan.title == "My Title")
            #expect(plan.scenes.flatMap(\.sentences) == ["The lighthouse keeper climbs the stairs every single evening at dusk."])
        }

        @Test("otherwise the first line is the title, and stays narrated")
        func firstLineTitle() throws {
            let plan = try PlannerTests.plan("The Storm\n\nRain fell all night on the roofs of the sleeping town.")
            #expect(plan.title == "The Storm")
            #expect(plan.scenes.count == 1)
            #expect(plan.scenes[0].sentences == ["The Storm", "Rain fell all night on the roofs of the sleeping town."])

            let sentence = try PlannerTests.plan("It was a dark night. The wind howled over the moor until dawn.")
            #expect(sentence.title == "It was a dark night")
        }

        @Test("a long first line is cut at a word")
        func longTitle() {
            let line = "Once upon a time in a faraway kingdom there lived an old king who loved the sea more than anything"
            let title = TitleExtractor().extract(from: [Substring(line)]).title
            #expect(title == "Once upon a time in a faraway kingdom there lived an old…")
            #expect(title.count <= 61)
        }

        @Test("## headings start scenes, give headings and are not narrated")
        func headings() throws {
            let script = """
                # Title
                ## The Harbour
                Boats rock gently on the calm water while the gulls circle overhead.

                ## The Market
                A cheerful crowd gathers around the stalls as the merchants shout their prices.
                """
            let plan = try PlannerTests.plan(script)
            #expect(plan.scenes.map(\.heading) == ["The Harbour", "The Market"])
            #expect(plan.scenes.map(\.sentences.count) == [1, 1])
        }

        @Test("a very long ## heading is shortened at a word, like the title, and the plan still directs")
        func longHeading() throws {
            let words = Array(repeating: "harbour", count: 200).joined(separator: " ")
            let plan = try PlannerTests.plan("# Title\n## \(words)\nBoats rock gently on the calm water.\n")
            let heading = try #require(plan.scenes.first?.heading)
            #expect(heading.count <= 61 && heading.hasSuffix("…") && heading.hasPrefix("harbour harbour"), "\(heading)")
        }

        @Test("Markdown headings: levels, closing marks, and what is not a heading")
        func markdownHeadings() {
            func parsed(_ line: String) -> [String]? { MarkdownHeading(line: line).map { ["\($0.level)", $0.text] } }
            #expect(parsed("# Title") == ["1", "Title"])
            #expect(parsed("  ## Scene two ##") == ["2", "Scene two"])
            #expect(parsed("### C# tips") == ["3", "C# tips"])
            #expect(MarkdownHeading(line: "#hashtag") == nil)
            #expect(MarkdownHeading(line: "####### seven") == nil)
            #expect(MarkdownHeading(line: "    # indented code") == nil)
        }

        @Test("Windows line endings and a byte order mark read like plain newlines")
        func crlf() throws {
            let script = "\u{FEFF}# Title\r\n\r\nThe sun rises slowly over the quiet harbour and the fishing boats.\r\n\r\n"
                + "A cheerful crowd gathers around the stalls in the market square.\r\n"
            let plan = try PlannerTests.plan(script)
            #expect(plan.title == "Title")
            #expect(plan.scenes.map(\.sentences) == [
                ["The sun rises slowly over the quiet harbour and the fishing boats."],
                ["A cheerful crowd gathers around the stalls in the market square."],
            ])
        }

        @Test("paragraphs are scenes; a scene without heading is headed by its first words")
        func paragraphs() throws {
            let script = """
                The sun rises slowly over the quiet harbour and the fishing boats.

                A cheerful crowd gathers around the stalls in the market square.

                Suddenly the sky turns dark and thunder rolls across the bay.
                """
            let plan = try PlannerTests.plan(script)
            #expect(plan.scenes.count == 3)
            // Cut at six words, less the function words a heading cannot end on.
            #expect(plan.scenes.map(\.heading) == [
                "The sun rises slowly…", "A cheerful crowd gathers…", "Suddenly the sky turns dark…",
            ])
        }

        @Test("a long paragraph is split at sentences into scenes of at most the target length")
        func splitsLong() {
            let sentence = "The old road winds slowly through the green hills toward the sea."  // 12 words, about 4.7 s
            let paragraph = Array(repeating: sentence, count: 15).joined(separator: " ")
            let grouper = SceneGrouper(wordsPerMinute: 165, targetSeconds: 12)
            let blocks = grouper.group([Substring(paragraph)])
            #expect(blocks.count == 8)  // 70.7 s; two sentences (9.4 s) fit in 12 s, three (14.1 s) do not
            #expect(blocks.flatMap(\.sentences) == Array(repeating: sentence, count: 15))
            for block in blocks {
                let words = block.sentences.reduce(0) { $0 + WordTokenizer.words(in: $1).count }
                let milliseconds = SpeechPacer.speechMilliseconds(words: words, sentences: block.sentences.count, wordsPerMinute: 165)
                #expect(milliseconds <= 12_000)
            }
        }

        @Test("tiny paragraphs merge with a neighbour; one with its own heading keeps it")
        func mergesTiny() {
            let grouper = SceneGrouper(wordsPerMinute: 165, targetSeconds: 12)
            let lines = """
                Hello.

                This is a longer paragraph, with enough words to stand on its own as a scene.

                Goodbye.

                ## Credits
                Thanks.
                """.split(separator: "\n", omittingEmptySubsequences: false)
            let blocks = grouper.group(lines)
            #expect(blocks == [
                .init(heading: nil, sentences: [
                    "Hello.", "This is a longer paragraph, with enough words to stand on its own as a scene.", "Goodbye.",
                ]),
                .init(heading: "Credits", sentences: ["Thanks."]),
            ])
        }

        @Test("keywords: content words by frequency then first use, no stop words", arguments: [
            ("The old lighthouse keeper watched the lighthouse beam sweep across the dark water while the keeper's dog slept.",
             Language.english, ["lighthouse", "keeper", "old", "watched", "beam", "sweep", "dark", "water"]),
            ("L'orage gronde sur la ville et l'orage réveille les enfants qui dorment dans la ville endormie.",
             Language.french, ["orage", "ville", "gronde", "réveille", "enfants", "dorment", "endormie"]),
            ("Il était une fois, dans un pays où les arcs-en-ciel étaient rares, une reine qui n'aimait pas 2024.",
             Language.french, ["fois", "pays", "arcs", "ciel", "rares", "reine", "aimait"]),
        ])
        func keywords(text: String, language: Language, expected: [String]) {
            #expect(KeywordExtractor().keywords(in: PlannerTests.words(text), language: language) == expected)
        }

        @Test("no keyword of the examples is a stop word of either language")
        func keywordsHaveNoStopWords() throws {
            for script in [PlannerTests.englishScript, PlannerTests.frenchScript] {
                let plan = try PlannerTests.plan(script)
                for keyword in plan.scenes.flatMap(\.keywords) {
                    #expect(!StopWords.contains(keyword, language: .english), "\(keyword)")
                    #expect(!StopWords.contains(keyword, language: .french), "\(keyword)")
                }
                #expect(plan.scenes.allSatisfy { (1...8).contains($0.keywords.count) })
            }
        }

        @Test("a false friend stays a keyword in its own language")
        func falseFriends() {
            #expect(KeywordExtractor().keywords(in: PlannerTests.words("The red car and the blue car."), language: .english) == ["car", "red", "blue"])
            #expect(KeywordExtractor().keywords(in: PlannerTests.words("Il part car il pleut."), language: .french) == ["part", "pleut"])
        }
    }
}
