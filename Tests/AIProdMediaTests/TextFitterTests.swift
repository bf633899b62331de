@testable import AIProdMedia
import AIProdCore
import AIProdTestSupport
import Foundation
import Testing

/// A font where every character is half the size wide, 0.8 of it above the baseline and 0.2
/// below: widths are easy to reason about.
private struct FixedWidthMeasure: TextMeasuring {
    func extent(of line: String, size: Int) -> LineExtent {
        let ink = line.unicodeScalars.contains { $0 != " " }
        return LineExtent(left: 0, right: line.unicodeScalars.count * (size / 2), ascent: ink ? size * 4 / 5 : 0, descent: ink ? size / 5 : 0)
    }

    func lineBox(size: Int) -> (ascent: Int, descent: Int) { (size * 4 / 5, size / 5) }
}

@Suite("Text fitting: wrap, shrink, break, cut")
struct TextFitterTests {
    private func fitter(width: Int, height: Int = 1000) -> TextFitter {
        TextFitter(measure: FixedWidthMeasure(), maxWidth: width, maxHeight: height, lineGap: { _ in 0 })
    }

    @Test("wraps at spaces, filling each line greedily, at the size asked for")
    func wrapsAtSpaces() {
        let fitted = fitter(width: 40).fit("aaa bbb ccc dd", preferred: 10, floor: 4)
        #expect(fitted.size == 10)
        #expect(fitted.lines == ["aaa bbb", "ccc dd"])
        #expect(fitted.width == 35)
        #expect(!fitted.truncated)
    }

    @Test("lines are balanced: as many as greedy filling needs, but as even as they can be")
    func balancesLines() {
        let fitted = fitter(width: 60).fit("aa bb cc dd ee", preferred: 10, floor: 4)
        #expect(fitted.lines == ["aa bb cc", "dd ee"], "not aa bb cc dd / ee")
        #expect(fitted.width == 40)
        let title = fitter(width: 130).fit("Morning in the Harbour Town", preferred: 10, floor: 4)
        #expect(title.lines == ["Morning in the", "Harbour Town"])
    }

    @Test("explicit newlines stay, blank lines too; CRLF is one break; tabs are spaces")
    func keepsNewlines() {
        let fitted = fitter(width: 400).fit("one\ntwo\r\nthree\n\nfour\tfive", preferred: 10, floor: 4)
        #expect(fitted.lines == ["one", "two", "three", "", "four five"])
        #expect(fitted.height == 5 * 10, "five line boxes of 8 + 2")
    }

    @Test("a word wider than the line shrinks the font just enough")
    func shrinksForALongWord() {
        let fitted = fitter(width: 40).fit("tiny abcdefghijkl", preferred: 10, floor: 4)
        #expect(fitted.size == 6, "scaled by 40/60 from 10, where the 12 letters are 60 px wide")
        #expect(fitted.lines == ["tiny", "abcdefghijkl"])
    }

    @Test("at the floor size a word too wide is broken between letters")
    func breaksAtTheFloor() {
        let word = String(repeating: "abcdefghij", count: 6)
        let fitted = fitter(width: 40).fit(word, preferred: 30, floor: 8)
        #expect(fitted.size == 8)
        #expect(fitted.lines.count == 6)
        #expect(fitted.lines.joined() == word)
        #expect(fitted.extents.allSatisfy { $0.width <= 40 })
    }

    @Test("CJK text without spaces breaks between any two characters, without shrinking")
    func breaksCJK() {
        let fitted = fitter(width: 20).fit("日本語のテキストです", preferred: 10, floor: 4)
        #expect(fitted.size == 10)
        #expect(fitted.lines == ["日本語の", "テキスト", "です"])
        let mixed = fitter(width: 30).fit("Tokyo 東京駅 station", preferred: 10, floor: 4)
        #expect(mixed.lines == ["Tokyo", "東京駅", "statio", "n"] || mixed.size < 10)
        #expect(mixed.lines.joined().filter { $0 != " " } == "Tokyo東京駅station")
    }

    @Test("too many lines: shrink to the floor, then keep what fits and end with …")
    func cutsWhatIsTooTall() {
        let text = Array(repeating: "word", count: 200).joined(separator: " ")
        let fitted = fitter(width: 100, height: 60).fit(text, preferred: 20, floor: 10)
        #expect(fitted.size == 10)
        #expect(fitted.truncated)
        #expect(fitted.lines.count == 6)
        #expect(fitted.lines.last?.hasSuffix(TextFitter.ellipsis) == true)
        #expect(fitted.height <= 60)
        #expect(fitted.extents.allSatisfy { $0.width <= 100 })
    }

    @Test("whatever the text, lines stay within the width and the block within the height")
    func alwaysInside() {
        let texts = [
            "", " ", "\n", "a", "Morning in the Harbour Town", String(repeating: "x", count: 300),
            "港町の朝、漁船が夜明けに戻ってくる。", "😀😀😀 🚢⚓️ 👩‍👩‍👧", "mixed 日本 text\n\nwith\tbreaks",
            "\u{0}\u{7}control\u{1B}chars", String(repeating: "ab ", count: 500),
            "a" + String(repeating: "\u{FE0F}", count: 300), "e" + String(repeating: "\u{301}", count: 200) + " word",
        ]
        for text in texts {
            for width in [16, 50, 333] {
                for height in [12, 40, 500] {
                    let fitted = fitter(width: width, height: height).fit(text, preferred: 24, floor: 6)
                    #expect(fitted.size >= 6 && fitted.size <= 24)
                    #expect(fitted.extents.allSatisfy { $0.width <= width }, "\(text) in \(width)x\(height): \(fitted.lines)")
                    #expect(fitted.height <= height || fitted.lines.count == 1, "\(text) in \(width)x\(height): \(fitted.lines)")
                    #expect(!fitted.lines.joined().contains { $0.isNewline || $0 == "\t" || $0 == "\u{0}" })
                }
            }
        }
    }

    @Test("paragraph units: words, single CJK characters, spaces remembered, controls dropped")
    func units() {
        let units = TextFitter.paragraphs("Hi  東京\u{7}x\nend")
        #expect(units.count == 2)
        #expect(units[0] == [
            .init(text: "Hi", spaceBefore: false), .init(text: "東", spaceBefore: true),
            .init(text: "京", spaceBefore: false), .init(text: "x", spaceBefore: false),
        ])
        #expect(units[1] == [.init(text: "end", spaceBefore: false)])
    }
}

/// The drawtext filters a layer becomes: one per line, each reading its own file.
@Suite("TextLayerFilter: one drawtext per fitted line")
struct TextLayerFilterTests {
    @Test("each line goes to its own text file, the first to the file given; positions are numbers inside the safe area")
    func filesPerLine() throws {
        let directory = AIProdTestSupport.ScratchDirectory()
        let file = directory.file("text-0-0.txt")
        let layer = TextLayer(text: "Morning in the Harbour Town", font: "DejaVu Sans Bold", box: TextBox())
        let filter = try TextLayerFilter.make(layer, textFile: file, clipDuration: Rational(2), width: 1080, height: 1920, font: FontResolver.shared.resolve(layer.font))
        let drawtexts = filter.components(separatedBy: "drawtext=").dropFirst()
        #expect(drawtexts.count == 4, "144 px bold: about seven letters to a line")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Morning")
        #expect(try String(contentsOfFile: file + ".1", encoding: .utf8) == "in the")
        #expect(try String(contentsOfFile: file + ".3", encoding: .utf8) == "Town")
        #expect(filter.contains("fontsize=144") && filter.contains("boxborderw=16") && !filter.contains("text_w"))
        let safe = SafeArea(width: 1080, height: 1920)
        for options in drawtexts {
            let x = try #require(options.components(separatedBy: ":x=").last?.prefix { $0.isNumber }).description
            let y = try #require(options.components(separatedBy: ":y=").last?.prefix { $0.isNumber }).description
            #expect((Int(x) ?? -1) >= safe.minX + 16 && (Int(y) ?? -1) >= safe.minY + 16, "\(x), \(y)")
        }
    }

    @Test("text with nothing to draw (control characters only) draws nothing")
    func nothingToDraw() throws {
        let directory = AIProdTestSupport.ScratchDirectory()
        let filter = try TextLayerFilter.make(TextLayer(text: "\u{7}\u{1B}"), textFile: directory.file("t.txt"), clipDuration: Rational(1),
                                              width: 320, height: 180, font: FontResolver.shared.resolve("DejaVu Sans"))
        #expect(filter == "null")
    }
}
