import AIProdCore
import Foundation

/// Turns a plan, its narrations, music and effects, and the job's own assets into a Timeline.
///
/// Each scene lasts its narration plus the plan's pause, with a short lead-in after the
/// transition into it and a tail at least as long as the transition out of it, so voices never
/// overlap under a transition. Frames are counted exactly: scene starts come from the schedule,
/// narration starts from those frames, effects from the words that called for them.
public struct Director: Sendable {
    /// Silence after a transition before the voice starts.
    public static let leadIn = Rational(3, 10)
    /// Minimum silence after the voice before the next scene's transition begins.
    public static let minimumTail = Rational(2, 5)
    public static let musicGainDb = -12.0
    public static let effectGainDb = -9.0

    public let preset: Preset
    public let seed: UInt64
    public let assets: AssetCatalog
    /// A watermark image for every frame, if any.
    public var watermark: String?
    /// What a video asset shorter than its scene does once it has played: hold its last frame,
    /// or loop from its start (the job's `short_videos`).
    public var shortVideos: ShortVideoFit = .hold

    public init(preset: Preset, seed: UInt64, assets: AssetCatalog = AssetCatalog(), watermark: String? = nil) {
        self.preset = preset
        self.seed = seed
        self.assets = assets
        self.watermark = watermark
    }

    /// The scenes' clip durations in frames, given each scene's narration length. The composer
    /// needs the total before the timeline exists.
    public func clipFrames(plan: Plan, narrationSamples: [Int64]) -> [Int64] {
        let fps = preset.fps
        var frames: [Int64] = []
        for (index, scene) in plan.scenes.enumerated() {
            let speech = Rational(narrationSamples[index], 48_000)
            let transitionIn = index == 0 ? Rational.zero : transitionSeconds
            let transitionOut = index + 1 < plan.scenes.count ? transitionSeconds : Rational.zero
            let tail = max(Self.minimumTail, transitionOut + Rational(1, 10))
            let seconds = transitionIn + Self.leadIn + speech + scene.pauseSeconds + tail
            frames.append(Self.ceilFrames(seconds, fps: fps))
        }
        return frames
    }

    /// The timeline's duration for those clips.
    public func duration(plan: Plan, narrationSamples: [Int64]) -> Rational {
        let frames = clipFrames(plan: plan, narrationSamples: narrationSamples)
        let overlap = Int64(max(plan.scenes.count - 1, 0)) * transitionFrames
        return Rational(frames.reduce(0, +) - overlap) / preset.fps
    }

    public func timeline(plan: Plan, scenes: [DirectedScene], music: String?) -> Timeline {
        precondition(scenes.count == plan.scenes.count, "one directed scene per planned scene")
        let fps = preset.fps
        let frames = clipFrames(plan: plan, narrationSamples: scenes.map(\.narration.sampleCount))
        var random = SplitMix64(seed: seed, stream: 0xD12EC7)
        var clips: [Clip] = []
        var narration: [NarrationTrack] = []
        var effects: [EffectTrack] = []
        var subtitleCues: [SubtitleCue] = []
        var used: Set<String> = []
        let voiceStarts = self.voiceStarts(frames: frames)
        var startFrame: Int64 = 0
        for (index, planned) in plan.scenes.enumerated() {
            let scene = scenes[index]
            let transitionIn = index == 0 ? 0 : transitionFrames
            startFrame -= transitionIn
            let duration = Rational(frames[index]) / fps
            let voiceStart = voiceStarts[index]

            var content: ClipContent
            var text: [TextLayer] = []
            let chosen = scene.visual.map(\.asset) ?? assets.match(planned.keywords, description: planned.visual, excluding: used)
            if let asset = chosen {
                used.insert(asset.path)
                content = visual(asset, duration: duration, random: &random)
                if index > 0, !planned.heading.isEmpty {
                    text.append(TextLayer(text: planned.heading, placement: .lowerThird, font: preset.bodyFont,
                                          start: Rational(transitionIn) / fps, end: min(duration, Rational(transitionIn) / fps + Rational(4)),
                                          fadeIn: Rational(3, 10), fadeOut: Rational(3, 10)))
                }
            } else {
                let (from, to) = preset.colors(for: planned.mood)
                content = .gradient(GradientCard(from: from, to: to, angle: Double(random.index(below: 360)), motion: true, texture: true))
                if index > 0, !planned.heading.isEmpty {
                    text.append(TextLayer(text: planned.heading, placement: .title, font: preset.titleFont,
                                          start: Rational(transitionIn) / fps, end: duration, fadeIn: Rational(1, 2), fadeOut: Rational(1, 2)))
                }
            }
            if index == 0 {
                text.append(TextLayer(text: plan.title, placement: .title, font: preset.titleFont,
                                      box: TextBox(), start: Rational(1, 5), end: min(duration, Rational(4)),
                                      fadeIn: Rational(1, 2), fadeOut: Rational(1, 2)))
            }
            let transition = index == 0 ? nil : Transition(kind: planned.transition, duration: transitionSeconds)
            clips.append(Clip(duration: duration, content: content, text: text, transition: transition))

            narration.append(NarrationTrack(file: scene.narration.path, start: voiceStart))
            let offset = voiceStart.samples(at: Narration.sampleRate)
            let limit = index + 1 < voiceStarts.count ? voiceStarts[index + 1].samples(at: Narration.sampleRate) - offset : nil
            subtitleCues += SubtitleCueBuilder().cues(for: scene.narration, at: offset, limit: limit)
            for (cue, effect) in zip(planned.soundCues, scene.effects) {
                let words = scene.narration.words
                let offset = words.isEmpty ? Rational.zero : Rational(words[min(cue.wordIndex, words.count - 1)].startSample, 48_000)
                effects.append(EffectTrack(file: effect.path, start: voiceStart + offset, gainDb: Self.effectGainDb))
            }
            startFrame += frames[index]
        }
        let music = music.map {
            [MusicTrack(file: $0, gainDb: Self.musicGainDb, loop: false, duck: Ducking(depthDb: 10))]
        } ?? []
        return Timeline(
            output: OutputSettings(width: preset.width, height: preset.height, fps: fps, loudness: preset.loudness),
            video: VideoTrack(clips: clips, watermark: watermark.map { Watermark(file: $0) }),
            audio: AudioTracks(narration: narration, music: music, effects: effects),
            subtitles: Subtitles(cues: subtitleCues, burnIn: true, style: preset.subtitleStyle))
    }

    /// Where each scene's voice starts on the timeline: after the transition into it and the lead-in.
    public func voiceStarts(frames: [Int64]) -> [Rational] {
        var starts: [Rational] = []
        var startFrame: Int64 = 0
        for (index, count) in frames.enumerated() {
            let transitionIn = index == 0 ? 0 : transitionFrames
            startFrame -= transitionIn
            starts.append(Rational(startFrame + transitionIn) / preset.fps + Self.leadIn)
            startFrame += count
        }
        return starts
    }

    var transitionSeconds: Rational { Rational(transitionFrames) / preset.fps }
    var transitionFrames: Int64 { max(1, preset.transitionSeconds.rounded(toUnitsOf: preset.fps)) }

    /// Images move (Ken Burns, direction from the seed); clips are trimmed to the scene, and one
    /// shorter than the scene loops when ``shortVideos`` says so (its length unknown: it may
    /// loop, the scene's end cuts it either way).
    func visual(_ asset: VisualAsset, duration: Rational, random: inout SplitMix64) -> ClipContent {
        switch asset.kind {
        case .image:
            let zoom: KenBurns.Zoom = random.index(below: 2) == 0 ? .in : .out
            let pans: [KenBurns.Pan] = [.none, .left, .right, .up, .down]
            let pan = pans[random.index(below: pans.count)]
            return .image(ImageClip(file: asset.path, kenBurns: KenBurns(zoom: zoom, amount: preset.kenBurnsAmount, pan: pan, easing: .easeInOut)))
        case .video:
            let short = asset.duration.map { $0 < duration.doubleValue } ?? true
            return .video(VideoClip(file: asset.path, audio: false, loop: shortVideos == .loop && short))
        }
    }

    static func ceilFrames(_ seconds: Rational, fps: Rational) -> Int64 {
        let product = seconds * fps
        return (product.numerator + product.denominator - 1) / product.denominator
    }
}
