import Foundation
import AIProdCore

/// Every sound of a timeline as an ``AudioPlacement``: narration, music beds, effects, and the
/// sound of video clips (crossfaded over their transitions).
struct SoundtrackPlan: Sendable {
    let placements: [AudioPlacement]
    let totalSamples: Int64
    /// Bounds the files are opened with (the resolver's).
    let limits: MediaLimits

    init(timeline: Timeline, schedule: TimelineSchedule, resolver: AssetResolver) throws(MediaError) {
        let rate = OutputSettings.sampleRate
        let total = schedule.totalSamples
        totalSamples = total
        limits = resolver.limits
        var placements: [AudioPlacement] = []
        func samples(_ seconds: Rational) -> Int64 { seconds.samples(at: rate) }
        func gain(_ db: Double) -> Float { Float(pow(10, db / 20)) }

        for (index, track) in timeline.audio.narration.enumerated() {
            let start = samples(track.start)
            placements.append(AudioPlacement(
                role: .narration, path: try resolver.path(track.file, field: "audio.narration[\(index)].file"), startSample: start, lengthSamples: total - start,
                fileOffsetSeconds: 0, gain: gain(track.gainDb), fadeInSamples: 0, fadeOutSamples: 0, loop: false, ducking: nil))
        }
        for (index, track) in timeline.audio.music.enumerated() {
            let start = samples(track.start)
            let end = min(samples(track.end ?? schedule.duration), total)
            let ducking = track.duck.map {
                DuckingShape(depthDb: $0.depthDb, attackSeconds: $0.attack.doubleValue, releaseSeconds: $0.release.doubleValue)
            }
            placements.append(AudioPlacement(
                role: .music, path: try resolver.path(track.file, field: "audio.music[\(index)].file"), startSample: start, lengthSamples: end - start,
                fileOffsetSeconds: 0, gain: gain(track.gainDb), fadeInSamples: samples(track.fadeIn),
                fadeOutSamples: samples(track.fadeOut), loop: track.loop, ducking: ducking))
        }
        for (index, track) in timeline.audio.effects.enumerated() {
            let start = samples(track.start)
            placements.append(AudioPlacement(
                role: .effect, path: try resolver.path(track.file, field: "audio.effects[\(index)].file"), startSample: start, lengthSamples: total - start,
                fileOffsetSeconds: 0, gain: gain(track.gainDb), fadeInSamples: 0, fadeOutSamples: 0, loop: false, ducking: nil))
        }
        let clips = timeline.video.clips
        for (index, clip) in clips.enumerated() {
            guard case .video(let video) = clip.content, video.audio else { continue }
            let path = try resolver.path(video.file, field: "video.clips[\(index)].video.file")
            guard try AudioFileReader.hasAudio(path: path, limits: resolver.limits) else { continue }
            let entry = schedule.entries[index]
            let start = schedule.time(ofFrame: entry.startFrame).samples(at: rate)
            var end = schedule.time(ofFrame: entry.endFrame).samples(at: rate)
            // A looping clip's sound starts again with its pictures, after one span.
            let loopSpan = video.loop ? try VideoFileFeeder.loopSpan(path: path, clip: video, limits: resolver.limits) : nil
            let passSamples = loopSpan.map { Int64(($0 * Double(rate)).rounded()) }.flatMap { $0 > 0 ? $0 : nil }
            if let out = video.outPoint, passSamples == nil {
                end = min(end, start + samples(out - video.inPoint))
            }
            let nextTransition = index + 1 < clips.count ? schedule.entries[index + 1].transitionFrames : 0
            placements.append(AudioPlacement(
                role: .clip, path: path, startSample: start, lengthSamples: min(end, total) - start,
                fileOffsetSeconds: video.inPoint.doubleValue, gain: gain(video.gainDb),
                fadeInSamples: (Rational(entry.transitionFrames) / schedule.fps).samples(at: rate),
                fadeOutSamples: (Rational(nextTransition) / schedule.fps).samples(at: rate), loop: passSamples != nil, ducking: nil,
                passSamples: passSamples))
        }
        self.placements = placements
    }
}
