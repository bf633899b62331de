import AIProdCore
@testable import AIProdMedia
import AIProdStudio
import AIProdTestSupport
import CFFmpeg
import Foundation
import Testing

@Suite("Credit roll: the closing card of attribution lines", .oneRenderAtATime)
struct CreditRollTests {
    /// Attribution lines as the credits make them, of a realistic spread of lengths.
    static func lines(_ count: Int) -> [String] {
        (0..<count).map { index in
            let title = index % 3 == 0 ? "Rain on a tin roof at night, recorded in the old harbour \(index)" : "Bell \(index)"
            return "“\(title)” by user\(index) (freesound.org/s/\(1000 + index)), CC BY 4.0"
        }
    }

    static func shown(_ clip: Clip, heading: String) -> [String] {
        clip.text.flatMap { $0.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).filter { $0 != heading } }
    }

    @Test("no line, or only blank ones: no roll")
    func none() throws {
        let preset = try #require(Preset.named("web-720p"))
        #expect(CreditRoll.clip(lines: [], preset: preset, title: "T") == nil)
        #expect(CreditRoll.clip(lines: ["", "  \n\t", "\u{202E}"], preset: preset, title: "T") == nil)
    }

    @Test("every line is on a card, in order, drawn whole at the preset's size; 3–10 s by line count; cards in turn; valid after a scene",
          arguments: [1, 3, 8, 9, 20])
    func everyLine(count: Int) throws {
        let lines = Self.lines(count)
        var previous: Rational?
        for preset in Preset.builtin {
            let clip = try #require(CreditRoll.clip(lines: lines, preset: preset, title: "The Bell"))
            #expect(Self.shown(clip, heading: "The Bell") == lines, "\(preset.name)")
            #expect(clip.text.count >= (count + CreditRoll.linesPerCard - 1) / CreditRoll.linesPerCard && clip.text.count <= CreditRoll.maxCards)
            #expect(clip.text.allSatisfy { $0.text.split(separator: "\n").count <= CreditRoll.linesPerCard + 1 && $0.text.count <= 500 })
            #expect(clip.duration >= Rational(3) && clip.duration <= Rational(10))
            if let previous { #expect(previous == clip.duration, "the length depends on the lines, not the preset's rate") }
            previous = clip.duration
            #expect(clip.transition?.kind == .fade)
            // The cards follow each other from the end of the transition to the end of the clip.
            var start = try #require(clip.transition?.duration)
            for layer in clip.text {
                #expect(layer.start == start && layer.end.map { $0 > layer.start } == true)
                #expect(layer.text.hasPrefix("The Bell\n\n") && layer.font == preset.bodyFont)
                start = layer.end ?? start
                let layout = TextBlockLayout(layer, width: preset.width, height: preset.height,
                                             measure: try FontFace(path: FontResolver.shared.resolve(layer.font)))
                #expect(!layout.fitted.truncated, "\(preset.name): a card's text is cut")
                #expect(layout.fitted.lines.joined().filter { !$0.isWhitespace } == layer.text.filter { !$0.isWhitespace })
            }
            #expect(start == clip.duration)
            let scene = Clip(duration: Rational(2), content: .color(ColorCard(color: .black)))
            let timeline = Timeline(output: OutputSettings(width: preset.width, height: preset.height, fps: preset.fps),
                                    video: VideoTrack(clips: [scene, clip]))
            #expect(throws: Never.self) { try TimelineValidator().validate(timeline) }
        }
        let more = try #require(CreditRoll.clip(lines: Self.lines(count + 4), preset: Preset.builtin[0], title: "The Bell"))
        #expect(more.duration >= previous ?? .zero)
    }

    @Test("more lines than five cards hold: the last line counts the rest; hostile lines stay on one line within bounds")
    func overflowAndHostile() throws {
        let preset = try #require(Preset.named("shorts-9x16"))
        let lines = Self.lines(100)
        let clip = try #require(CreditRoll.clip(lines: lines, preset: preset, title: "The Bell"))
        #expect(clip.text.count == CreditRoll.maxCards && clip.duration == Rational(CreditRoll.maxSeconds))
        let shown = Self.shown(clip, heading: "The Bell")
        #expect(Array(shown.dropLast()) == Array(lines.prefix(shown.count - 1)))
        #expect(shown.last == "… and \(100 - shown.count + 1) more (see credits.txt)")

        let hostile = CreditRoll.clip(lines: ["a\nb\u{0}c\u{202E}d", String(repeating: "w", count: 100_000)], preset: preset,
                                      title: String(repeating: "T", count: 10_000))
        let roll = try #require(hostile)
        #expect(roll.text.allSatisfy { $0.text.count <= TimelineValidator.maxTextCharacters && !$0.text.unicodeScalars.contains { $0.value == 0 } })
        let body = Self.shown(roll, heading: String(repeating: "T", count: CreditRoll.maxTitleCharacters - 1) + "…")
        #expect(body == ["a b c d", String(repeating: "w", count: CreditRoll.maxLineCharacters - 1) + "…"])
    }

    @Test("a real render after a scene: the frame count the schedule says, and each card's text visible where the bare card has none")
    func renders() throws {
        let directory = ScratchDirectory()
        var preset = try #require(Preset.named("web-720p"))
        preset.width = 320
        preset.height = 180
        preset.fps = Rational(25)
        let clip = try #require(CreditRoll.clip(lines: Self.lines(12), preset: preset, title: "The Bell"))
        #expect(clip.text.count == 2)
        let scene = Clip(duration: Rational(2), content: .color(ColorCard(color: RGBAColor(red: 40, green: 40, blue: 40))))
        let output = OutputSettings(width: 320, height: 180, fps: Rational(25), encoding: EncodingSettings(preset: "ultrafast"))
        var bare = clip
        bare.text = []
        var pictures: [String: [LumaSample]] = [:]
        // Mid-scene, and the middle of each card (after the 2 s scene, less the transition's overlap).
        let overlap = try #require(clip.transition?.duration)
        let times = [1.0] + clip.text.map { (Rational(2) - overlap + ($0.start + ($0.end ?? clip.duration)) / Rational(2)).doubleValue }
        for (name, roll) in [("text", clip), ("bare", bare)] {
            let timeline = Timeline(output: output, video: VideoTrack(clips: [scene, roll]))
            let video = directory.file("\(name).mp4")
            let result = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: video)
            #expect(result.frames == TimelineSchedule(timeline).duration.rounded(toUnitsOf: Rational(25)))
            pictures[name] = try times.enumerated().map { index, seconds in
                let jpeg = directory.file("\(name)-\(index).jpg")
                try ThumbnailWriter().write(video: video, at: seconds, to: jpeg)
                return try LumaSample(jpeg)
            }
        }
        let text = try #require(pictures["text"]), plain = try #require(pictures["bare"])
        #expect(text[0].difference(to: plain[0]) < 0.5, "the scene is the same in both renders")
        for card in 1..<times.count {
            #expect(text[card].brightPixels > plain[card].brightPixels + 100, "card \(card): white text drawn")
            #expect(text[card].difference(to: plain[card]) > 2, "card \(card)")
        }
        #expect(text[1].difference(to: text[2]) > 2, "the second card shows other lines than the first")
    }
}

/// The luma of one decoded picture (a JPEG thumbnail), for what a render shows.
struct LumaSample {
    let pixels: [UInt8]

    init(_ path: String) throws {
        let input = try InputFile(path: path, limits: MediaLimits())
        guard let stream = input.bestStream(AVMEDIA_TYPE_VIDEO) else { throw MediaError(.noStream, file: path, "no picture") }
        let decoder = try StreamDecoder(input: input, streamIndex: stream, threads: 1)
        let frame = Frame()
        guard try decoder.next(into: frame) else { throw MediaError(.decodeFailed, file: path, "no picture") }
        let width = Int(frame.width), height = Int(frame.height), plane = frame.plane(0), stride = frame.stride(0)
        pixels = (0..<height).flatMap { row in (0..<width).map { plane[row * stride + $0] } }
    }

    /// Pixels near white (text), which the preset's gradients never reach.
    var brightPixels: Int { pixels.filter { $0 > 225 }.count }

    func difference(to other: LumaSample) -> Double {
        Double(zip(pixels, other.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(max(pixels.count, 1))
    }
}
