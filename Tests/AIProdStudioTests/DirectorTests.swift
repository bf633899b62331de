import AIProdCore
@testable import AIProdStudio
import Testing

@Suite("Director: plan to timeline")
struct DirectorTests {
    static func scene(_ index: Int, mood: Mood, cues: [SoundCue] = []) -> PlannedScene {
        PlannedScene(index: index, heading: "Scene \(index + 1)", sentences: ["Words of scene \(index + 1)."], keywords: ["harbour", "boats"],
                     mood: mood, soundCues: cues, transition: Preset.web720p.transition(for: mood), wordCount: 4,
                     speechSeconds: Rational(2), pauseSeconds: Rational(1, 2))
    }

    static let plan = Plan(title: "A Title", language: .english, warnings: [], preset: "web-720p", seed: 3, wordsPerMinute: 165,
                           targetDuration: nil, scenes: [scene(0, mood: .calm, cues: [SoundCue(category: .bell, keyword: "bell", wordIndex: 2)]),
                                                          scene(1, mood: .playful), scene(2, mood: .dramatic)])

    /// Narrations of 2 s with four words at 0.25 s steps.
    static func narration(_ index: Int) -> Narration {
        Narration(path: "/n\(index).wav", sampleCount: 96_000, words: (0..<4).map {
            WordTiming(text: "w\($0)", startSample: Int64($0) * 12_000 + 2_400, endSample: Int64($0) * 12_000 + 10_000)
        })
    }

    static let scenes = (0..<3).map { DirectedScene(narration: narration($0), effects: $0 == 0 ? [SoundEffect(path: "/bell.wav", category: .bell, source: .synthesised, durationSeconds: 2)] : []) }

    @Test("clips, transitions by mood, title card text, validity and the announced duration")
    func structure() throws {
        let director = Director(preset: .web720p, seed: 3)
        let timeline = director.timeline(plan: Self.plan, scenes: Self.scenes, music: "/music.wav")
        try TimelineValidator().validate(timeline)
        #expect(timeline.video.clips.count == 3)
        #expect(timeline.video.clips[0].transition == nil)
        #expect(timeline.video.clips[1].transition?.kind == .circleOpen)
        #expect(timeline.video.clips[2].transition?.kind == .fadeBlack)
        #expect(timeline.video.clips[0].text.contains { $0.text == "A Title" && $0.placement == .title })
        #expect(timeline.video.clips.allSatisfy { if case .gradient = $0.content { true } else { false } })
        #expect(TimelineSchedule(timeline).duration == director.duration(plan: Self.plan, narrationSamples: Self.scenes.map(\.narration.sampleCount)))
        #expect(timeline.output.width == 1280 && timeline.output.loudness.targetLufs == -16)
        #expect(timeline.audio.music.first?.duck != nil)
    }

    @Test("no voice sounds under a transition; effects land on their word; cues follow the voice")
    func placement() throws {
        let director = Director(preset: .web720p, seed: 3)
        let timeline = director.timeline(plan: Self.plan, scenes: Self.scenes, music: nil)
        let schedule = TimelineSchedule(timeline)
        for (index, track) in timeline.audio.narration.enumerated() {
            let entry = schedule.entries[index]
            let clipStart = schedule.time(ofFrame: entry.startFrame + entry.transitionFrames)
            #expect(track.start >= clipStart + Director.leadIn, "scene \(index) voice starts after its transition")
            let voiceEnd = track.start + Rational(96_000, 48_000)
            if index + 1 < schedule.entries.count {
                let nextTransitionStart = schedule.time(ofFrame: schedule.entries[index + 1].startFrame)
                #expect(voiceEnd <= nextTransitionStart, "scene \(index) voice ends before the next transition")
            }
        }
        let effect = try #require(timeline.audio.effects.first)
        #expect(effect.start == timeline.audio.narration[0].start + Rational(2 * 12_000 + 2_400, 48_000))
        let cues = try #require(timeline.subtitles?.cues)
        #expect(!cues.isEmpty)
        #expect(cues.allSatisfy { cue in timeline.audio.narration.contains { cue.start >= $0.start } })
    }

    @Test("the job's own picture is used for a scene whose keywords match its name, with Ken Burns")
    func assets() throws {
        let catalog = AssetCatalog(assets: [VisualAsset(path: "/a/harbour-boats.jpg", kind: .image, tags: ["harbour", "boats"], duration: nil)])
        let timeline = Director(preset: .web720p, seed: 3, assets: catalog).timeline(plan: Self.plan, scenes: Self.scenes, music: nil)
        guard case .image(let image) = timeline.video.clips[0].content else {
            Issue.record("expected the picture on scene 1")
            return
        }
        #expect(image.file == "/a/harbour-boats.jpg" && image.kenBurns?.amount == Preset.web720p.kenBurnsAmount)
        // Used once while an unused match exists; here it is the only one, so later scenes reuse it.
        #expect(catalog.match(["boats"], excluding: ["/a/harbour-boats.jpg"])?.path == "/a/harbour-boats.jpg")
        #expect(catalog.match(["forest"], excluding: []) == nil)
    }

    @Test("the studio's watermark goes over the whole video; the preset's subtitle style is used")
    func watermark() {
        let timeline = Director(preset: .shorts9x16, seed: 1, watermark: "/logo.png").timeline(plan: Self.plan, scenes: Self.scenes, music: nil)
        #expect(timeline.video.watermark?.file == "/logo.png")
        #expect(timeline.subtitles?.style == Preset.shorts9x16.subtitleStyle)
        #expect(timeline.output.width == 1080 && timeline.output.height == 1920)
    }

    @Test("the same seed directs the same timeline")
    func deterministic() {
        let a = Director(preset: .web720p, seed: 9).timeline(plan: Self.plan, scenes: Self.scenes, music: nil)
        let b = Director(preset: .web720p, seed: 9).timeline(plan: Self.plan, scenes: Self.scenes, music: nil)
        #expect(a == b)
    }
}
