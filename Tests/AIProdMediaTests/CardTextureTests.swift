import AIProdCore
import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// `GradientCard.texture`: the title card's second drifting layer and grain make consecutive
/// frames differ, gently: the picture keeps its colours and never jumps.
@Suite("Textured title cards")
struct CardTextureTests {
    static let from = RGBAColor(red: 30, green: 60, blue: 140)
    static let to = RGBAColor(red: 200, green: 120, blue: 60)

    /// Renders 2 s of the card at a quality that keeps fine detail (the grain is what is measured).
    static func render(_ card: GradientCard, in directory: ScratchDirectory, name: String) throws -> [Int: LumaPicture] {
        let output = OutputSettings(width: 320, height: 180, fps: Rational(25), background: .black,
                                    encoding: EncodingSettings(crf: 12, preset: "ultrafast"))
        let timeline = Timeline(output: output, video: VideoTrack(clips: [Clip(duration: Rational(2), content: .gradient(card))]))
        let (result, probe) = try TestRender.render(timeline, in: directory, name: name)
        TestRender.expectStreams(probe, result, output: output, frames: 50)
        return try DecodedVideo.luma(of: directory.file(name), frames: [10, 11, 12, 49])
    }

    @Test("consecutive frames of a textured card differ, yet stay close; a plain card barely changes")
    func framesDifferGently() throws {
        let directory = ScratchDirectory()
        let textured = try Self.render(GradientCard(from: Self.from, to: Self.to, angle: 30, motion: true, texture: true), in: directory, name: "textured.mp4")
        let plain = try Self.render(GradientCard(from: Self.from, to: Self.to, angle: 30, motion: true), in: directory, name: "plain.mp4")
        let t = { (frame: Int) throws -> LumaPicture in try #require(textured[frame]) }
        let p = { (frame: Int) throws -> LumaPicture in try #require(plain[frame]) }
        let step = try t(10).difference(to: t(11)), nextStep = try t(11).difference(to: t(12))
        let plainStep = try p(10).difference(to: p(11))
        #expect(step > 0.3 && nextStep > 0.3, "textured frames differ visibly: \(step), \(nextStep)")
        #expect(step < 4 && nextStep < 4, "but gently: \(step), \(nextStep)")
        #expect(plainStep < step / 2, "a plain card changes less: \(plainStep) vs \(step)")
        let drift = try t(10).difference(to: t(49))
        #expect(drift < 12, "over 1.5 s the card keeps its look: \(drift)")
        #expect(abs(try t(10).mean() - p(10).mean()) < 12, "the texture keeps the card's colours")
    }

    @Test("texture decodes from JSON, false by default")
    func decoding() throws {
        let card = try JSONDecoder().decode(GradientCard.self, from: Data(##"{"from": "#102030", "to": "#405060", "texture": true}"##.utf8))
        #expect(card.texture)
        #expect(try !JSONDecoder().decode(GradientCard.self, from: Data(##"{"from": "#102030", "to": "#405060"}"##.utf8)).texture)
    }
}
