import AIProdCore
@testable import AIProdStudio
import Testing

/// The director's choices for the new picture options: short videos loop when the job says so,
/// title cards are textured, and a scene's visual description helps pick its asset.
@Suite("Director: short videos, textured cards, descriptions")
struct DirectorShortVideoTests {
    static let plan = DirectorTests.plan
    static let scenes = DirectorTests.scenes

    static func clips(_ shortVideos: ShortVideoFit, duration: Double?) -> [VideoClip] {
        let catalog = AssetCatalog(assets: [VisualAsset(path: "/a/harbour-boats.mp4", kind: .video, tags: ["harbour", "boats"], duration: duration)])
        var director = Director(preset: .web720p, seed: 3, assets: catalog)
        director.shortVideos = shortVideos
        return director.timeline(plan: plan, scenes: scenes, music: nil).video.clips.compactMap {
            if case .video(let video) = $0.content { video } else { nil }
        }
    }

    @Test("a video shorter than its scene loops with .loop, holds with .hold (the default)")
    func shortVideoLoops() throws {
        #expect(Director(preset: .web720p, seed: 3).shortVideos == .hold)
        let looped = try #require(Self.clips(.loop, duration: 1).first)
        #expect(looped.loop)
        #expect(try #require(Self.clips(.hold, duration: 1).first).loop == false)
        #expect(try #require(Self.clips(.loop, duration: 600).first).loop == false, "a long enough video plays once")
        #expect(try #require(Self.clips(.loop, duration: nil).first).loop, "an unknown length may loop: the scene's end cuts it")
    }

    @Test("every title card is textured and moving, and the timeline stays valid")
    func cardsTextured() throws {
        let timeline = Director(preset: .web720p, seed: 3).timeline(plan: Self.plan, scenes: Self.scenes, music: nil)
        try TimelineValidator().validate(timeline)
        let cards = timeline.video.clips.compactMap { if case .gradient(let card) = $0.content { card } else { nil } }
        #expect(cards.count == 3)
        #expect(cards.allSatisfy { $0.texture && $0.motion })
    }

    @Test("the planned scene's visual description picks between assets its keywords tie on")
    func descriptionPicks() throws {
        let catalog = AssetCatalog(assets: [
            VisualAsset(path: "/a/harbour-boats-day.jpg", kind: .image, tags: ["harbour", "boats", "day"], duration: nil),
            VisualAsset(path: "/a/harbour-boats-fog.jpg", kind: .image, tags: ["harbour", "boats", "fog"], duration: nil),
        ])
        var plan = Self.plan
        plan.scenes[0].visual = "Fishing boats moored in thick fog"
        let timeline = Director(preset: .web720p, seed: 3, assets: catalog).timeline(plan: plan, scenes: Self.scenes, music: nil)
        guard case .image(let first) = timeline.video.clips[0].content else {
            Issue.record("scene 0 should show a picture")
            return
        }
        #expect(first.file == "/a/harbour-boats-fog.jpg")
    }
}
