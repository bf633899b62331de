@testable import AIProdMedia
import AIProdCore
import AIProdTestSupport
import Foundation
import Testing

/// Real renders of text that does not fit: every kind of layer and burned subtitles on each
/// preset's shape, the frame decoded, and every pixel the text changed found inside the safe
/// area (and inside the block the layout computed), with the text really there.
@Suite("Text stays inside the safe area, rendered")
struct TextSafeAreaRenderTests {
    /// A dark grey card: white text, black box and shadow and outline all differ from it.
    static let card = RGBAColor(red: 0x60, green: 0x60, blue: 0x60)
    /// Luma difference that counts as drawn (text is ~137 away, a box ~45, encoder noise < 10).
    static let threshold = 24
    /// Preset shapes at half size (web-720p and youtube-1080p are 16:9, shorts 9:16, square 1:1).
    static let shapes = [(width: 640, height: 360), (width: 540, height: 960), (width: 540, height: 540)]

    static let title = "Morning in the Harbour Town"
    static let longWord = String(repeating: "Harbourmaster", count: 5).prefix(60).lowercased()
    static let layers: [TextLayer] = [
        TextLayer(text: "Morning in the Harbour Town, where the fishing boats come home at dawn", font: "DejaVu Sans Bold"),
        TextLayer(text: "Captain Eleanor Whitby-Fairweather, harbour master of Saltmarsh since 1987", placement: .lowerThird),
        TextLayer(text: String(longWord), font: "DejaVu Sans Bold", box: TextBox()),
        TextLayer(text: "港町の朝、漁船が夜明けに戻ってくる。市場はにぎやかで、子どもたちが笑っている。", font: "DejaVu Sans Bold"),
        TextLayer(text: "Sunrise 🌅🚢⚓️ over the harbour 😀😀😀 with friends", placement: .free, x: 0.7, y: 0.8),
        TextLayer(text: "Scene 2\nThe Market Square\n\nBy nine o'clock", font: "DejaVu Sans Bold"),
        TextLayer(text: "Huge", placement: .free, x: 0.95, y: 0.95, size: 1000),
    ]

    static func output(width: Int, height: Int) -> OutputSettings {
        OutputSettings(width: width, height: height, fps: Rational(30), loudness: LoudnessTarget(), background: .black,
                       encoding: EncodingSettings(crf: 12, preset: "ultrafast"))
    }

    /// What a decoded picture shows against the card: drawn pixels inside and outside the safe
    /// area, and the rectangle around all drawn pixels.
    struct Drawn {
        var inside = 0, outside = 0, bright = 0
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        /// Rows holding bright (text) pixels, as runs: one per line of text.
        var brightBands = 0

        init(_ picture: LumaPicture, safe: SafeArea) {
            let background = Int(picture[0, 0])
            var previousRowBright = false
            for y in 0..<picture.height {
                var rowBright = false
                for x in 0..<picture.width {
                    let luma = Int(picture[x, y])
                    if luma > 200 { bright += 1; rowBright = true }
                    guard abs(luma - background) > TextSafeAreaRenderTests.threshold else { continue }
                    if x >= safe.minX, x < safe.maxX, y >= safe.minY, y < safe.maxY { inside += 1 } else { outside += 1 }
                    minX = min(minX, x); maxX = max(maxX, x + 1)
                    minY = min(minY, y); maxY = max(maxY, y + 1)
                }
                if rowBright, !previousRowBright { brightBands += 1 }
                previousRowBright = rowBright
            }
        }
    }

    static func layout(_ layer: TextLayer, width: Int, height: Int) throws -> TextBlockLayout {
        TextBlockLayout(layer, width: width, height: height, measure: try FontFace(path: FontResolver.shared.resolve(layer.font)))
    }

    @Test("titles, a lower third, a 60-letter word, CJK, emoji, newlines, a huge size: inside the safe area", arguments: shapes)
    func layersStayInside(shape: (width: Int, height: Int)) throws {
        let directory = ScratchDirectory("layers-\(shape.width)x\(shape.height)")
        let frame = Rational(1, 30)
        let clips = Self.layers.map { Clip(duration: frame, content: .color(ColorCard(color: Self.card)), text: [$0]) }
        let timeline = Timeline(output: Self.output(width: shape.width, height: shape.height), video: VideoTrack(clips: clips))
        _ = try TestRender.render(timeline, in: directory)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: Set(clips.indices))
        let safe = SafeArea(width: shape.width, height: shape.height)
        for (index, layer) in Self.layers.enumerated() {
            let picture = try #require(pictures[index])
            let drawn = Drawn(picture, safe: safe)
            let layout = try Self.layout(layer, width: shape.width, height: shape.height)
            let label = "\(shape.width)x\(shape.height) layer \(index) at \(layout.fitted.size) px: \(layout.fitted.lines)"
            #expect(drawn.outside == 0, "\(drawn.outside) pixels outside the safe area, \(label)")
            #expect(drawn.inside > 100, "the text is drawn, \(label)")
            #expect(drawn.bright > 20, "white text is drawn, \(label)")
            let bounds = layout.bounds
            #expect(drawn.minX >= bounds.minX - 1 && drawn.maxX <= bounds.maxX + 1 && drawn.minY >= bounds.minY - 1 && drawn.maxY <= bounds.maxY + 1,
                    "drawn \(drawn.minX)…\(drawn.maxX) x \(drawn.minY)…\(drawn.maxY) within the layout's \(bounds), \(label)")
            #expect(!layout.fitted.truncated, "\(label)")
            #expect(layout.fitted.lines.joined().filter { !$0.isWhitespace } == layer.text.filter { !$0.isWhitespace && $0 != "\u{FE0F}" } || layer.text.contains("\u{FE0F}"),
                    "every character kept, \(label)")
        }
    }

    @Test("the example's title on shorts-9x16 at full size: wrapped to 2+ lines, all of it drawn")
    func exampleTitleOnShorts() throws {
        let directory = ScratchDirectory()
        let (width, height) = (Preset.shorts9x16.width, Preset.shorts9x16.height)
        let layer = TextLayer(text: Self.title, placement: .title, font: Preset.shorts9x16.titleFont, box: TextBox())
        let timeline = Timeline(output: Self.output(width: width, height: height), video: VideoTrack(clips: [
            Clip(duration: Rational(1, 30), content: .color(ColorCard(color: Self.card)), text: [layer]),
        ]))
        _ = try TestRender.render(timeline, in: directory)
        let picture = try DecodedVideo.luma(of: directory.file("out.mp4"), frame: 0)
        let safe = SafeArea(width: width, height: height)
        let drawn = Drawn(picture, safe: safe)
        let layout = try Self.layout(layer, width: width, height: height)
        #expect(layout.fitted.size == 144, "7.5 % of 1920: the words fit one by one, no shrinking")
        #expect(layout.lines.count >= 2)
        #expect(layout.lines.map(\.text).joined(separator: " ") == Self.title)
        #expect(drawn.outside == 0)
        #expect(drawn.brightBands == layout.lines.count, "one band of white per line")
        #expect(drawn.maxX - drawn.minX > safe.width / 2, "lines as wide as the frame allows")
        // 27 characters of 144 px bold text cover far more than one line's worth of white.
        #expect(drawn.bright > 27 * 144 * 144 / 12, "\(drawn.bright) white pixels")
    }

    @Test("burned subtitles: a long cue, a 60-letter word, CJK and emoji stay inside the safe area", arguments: [shapes[0], shapes[1]])
    func subtitlesStayInside(shape: (width: Int, height: Int)) throws {
        let directory = ScratchDirectory("subtitles-\(shape.width)x\(shape.height)")
        let cues = [
            SubtitleCue(start: .zero, end: Rational(1, 10), text: "The sun rises slowly over the quiet harbour. Fishing boats rock gently on the calm sea, and the first birds sing from the rooftops."),
            SubtitleCue(start: Rational(1, 10), end: Rational(2, 10), text: "See " + Self.longWord + " now"),
            SubtitleCue(start: Rational(2, 10), end: Rational(3, 10), text: "港町の朝、漁船が夜明けに戻ってくる。市場はにぎやかで 😀🚢 子どもたちが笑っている。"),
        ]
        let timeline = Timeline(
            output: Self.output(width: shape.width, height: shape.height),
            video: VideoTrack(clips: [Clip(duration: Rational(3, 10), content: .color(ColorCard(color: Self.card)))]),
            subtitles: Subtitles(cues: cues))
        _ = try TestRender.render(timeline, in: directory)
        let pictures = try DecodedVideo.luma(of: directory.file("out.mp4"), frames: [1, 4, 7])
        let safe = SafeArea(width: shape.width, height: shape.height)
        for frame in [1, 4, 7] {
            let drawn = Drawn(try #require(pictures[frame]), safe: safe)
            #expect(drawn.outside == 0, "\(shape) frame \(frame): \(drawn.outside) pixels outside the safe area")
            #expect(drawn.inside > 100 && drawn.bright > 20, "\(shape) frame \(frame): the cue is drawn")
            if frame == 4 {
                // Shrunk to the width there is, measured at libass's own em: not far narrower.
                #expect(drawn.maxX - drawn.minX > safe.width * 3 / 4, "\(shape): the long word is \(drawn.maxX - drawn.minX) px wide")
            }
        }
    }

    @Test("the ASS document breaks lines with \\N and shrinks a cue whose word is too wide")
    func assFitting() throws {
        let font = try FontResolver.shared.resolve("DejaVu Sans")
        let cues = [
            SubtitleCue(start: .zero, end: Rational(1), text: "one two three four five six seven eight nine ten eleven twelve"),
            SubtitleCue(start: Rational(1), end: Rational(2), text: String(Self.longWord)),
            SubtitleCue(start: Rational(2), end: Rational(3), text: "short {tag} \\N"),
        ]
        let document = try ASSDocument(cues: cues, style: SubtitleStyle(), width: 540, height: 960, fontFile: font)
        #expect(document.sideMargin == 540 / 16 && document.verticalMargin == 58)
        #expect(document.fittedText[0].contains("\\N") && !document.fittedText[0].hasPrefix("{"))
        #expect(document.fittedText[1].hasPrefix("{\\fs"), "\(document.fittedText[1])")
        #expect(document.fittedText[2] == "short (tag) \u{29F5}N")
        #expect(document.text.contains("Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,short (tag) \u{29F5}N\n"))
    }
}
