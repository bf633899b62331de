import AIProdCore
import Testing

@Suite("SubtitleFormatter")
struct SubtitleFormatterTests {
    /// Given out of order: the formatter must sort them.
    let cues = [
        SubtitleCue(start: Rational(3725, 1) + Rational(1, 2), end: Rational(3728), text: "Fish & chips <b>only</b> > 5€"),
        SubtitleCue(start: Rational(1, 3), end: Rational(2, 3), text: "Hello,\nworld"),
        SubtitleCue(start: Rational(12, 5), end: Rational(1001, 100) + Rational(1, 2000), text: "Deux\r\nlignes  "),
    ]

    @Test("writes SRT with 1-based indices, sorted by start")
    func srt() {
        #expect(SubtitleFormatter().srt(cues) == """
        1
        00:00:00,333 --> 00:00:00,667
        Hello,
        world

        2
        00:00:02,400 --> 00:00:10,011
        Deux
        lignes

        3
        01:02:05,500 --> 01:02:08,000
        Fish & chips <b>only</b> > 5€

        """)
    }

    @Test("writes WebVTT with its header and escapes markup characters")
    func webVTT() {
        #expect(SubtitleFormatter().webVTT(cues) == """
        WEBVTT

        00:00:00.333 --> 00:00:00.667
        Hello,
        world

        00:00:02.400 --> 00:00:10.011
        Deux
        lignes

        01:02:05.500 --> 01:02:08.000
        Fish &amp; chips &lt;b&gt;only&lt;/b&gt; &gt; 5€

        """)
    }

    @Test("rounds to the nearest millisecond, half away from zero", arguments: [
        (Rational(1, 2000), "00:00:00,001"),  // 0.5 ms
        (Rational(1, 2001), "00:00:00,000"),
        (Rational(599_995, 10_000), "00:01:00,000"),  // 59.9995 s carries into the minute
        (Rational(2, 3), "00:00:00,667"),
        (Rational(1001, 30000), "00:00:00,033"),
    ])
    func rounding(start: Rational, expected: String) {
        let srt = SubtitleFormatter().srt([SubtitleCue(start: start, end: Rational(100), text: "x")])
        #expect(srt.split(separator: "\n")[1].hasPrefix(expected + " --> "))
    }

    @Test("hours go past 99")
    func longHours() {
        let srt = SubtitleFormatter().srt([SubtitleCue(start: Rational(360_000), end: Rational(360_001), text: "late")])
        #expect(srt == "1\n100:00:00,000 --> 100:00:01,000\nlate\n")
        let vtt = SubtitleFormatter().webVTT([SubtitleCue(start: Rational(36_000), end: Rational(36_001), text: "late")])
        #expect(vtt == "WEBVTT\n\n10:00:00.000 --> 10:00:01.000\nlate\n")
    }

    @Test("keeps cues with equal starts in their input order")
    func stableSort() {
        let input = (0..<20).map { SubtitleCue(start: Rational($0 % 2), end: Rational(5), text: "cue \($0)") }
        let srt = SubtitleFormatter().srt(input)
        let texts = srt.split(separator: "\n").filter { $0.hasPrefix("cue ") }
        let expected = (0..<20).filter { $0 % 2 == 0 }.map { "cue \($0)" } + (0..<20).filter { $0 % 2 == 1 }.map { "cue \($0)" }
        #expect(texts.map(String.init) == expected)
    }

    @Test("collapses blank lines, trims trailing whitespace and normalises line endings")
    func cleansText() {
        let cue = SubtitleCue(start: .zero, end: Rational(1), text: "\n  First \t\r\n\r\n \n\rSecond\r\r\nThird\n\n")
        #expect(SubtitleFormatter().srt([cue]) == "1\n00:00:00,000 --> 00:00:01,000\n  First\nSecond\nThird\n")
    }

    @Test("replaces --> in text so it cannot read as a timing line")
    func arrows() {
        let cue = SubtitleCue(start: .zero, end: Rational(1), text: "a --> b\n--->")
        #expect(SubtitleFormatter().srt([cue]) == "1\n00:00:00,000 --> 00:00:01,000\na -> b\n->\n")
        #expect(SubtitleFormatter().webVTT([cue]) == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na -&gt; b\n-&gt;\n")
    }

    @Test("drops cues with nothing to show and numbers the rest consecutively")
    func emptyCues() {
        let input = [
            SubtitleCue(start: .zero, end: Rational(1), text: "one"),
            SubtitleCue(start: Rational(1), end: Rational(2), text: " \r\n "),
            SubtitleCue(start: Rational(2), end: Rational(3), text: "two"),
        ]
        #expect(SubtitleFormatter().srt(input) == """
        1
        00:00:00,000 --> 00:00:01,000
        one

        2
        00:00:02,000 --> 00:00:03,000
        two

        """)
    }

    @Test("writes nothing but the header for no cues")
    func noCues() {
        #expect(SubtitleFormatter().srt([]) == "")
        #expect(SubtitleFormatter().webVTT([]) == "WEBVTT\n\n")
    }

    @Test("writes negative times as zero")
    func negativeTimes() {
        let srt = SubtitleFormatter().srt([SubtitleCue(start: Rational(-1), end: Rational(1), text: "x")])
        #expect(srt == "1\n00:00:00,000 --> 00:00:01,000\nx\n")
    }
}
