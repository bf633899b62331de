import AIProdCore
import Testing

@Suite("TimelineSchedule")
struct TimelineScheduleTests {
    /// Colour clips of the given durations; `transitions[i]` leads into clip `i` (nil: a cut).
    func timeline(fps: Rational, durations: [Rational], transitions: [Rational?] = []) -> Timeline {
        let clips = durations.enumerated().map { index, duration in
            Clip(
                duration: duration, content: .color(ColorCard(color: .black)),
                transition: index < transitions.count ? transitions[index].map { Transition(kind: .fade, duration: $0) } : nil)
        }
        return Timeline(output: OutputSettings(width: 640, height: 360, fps: fps), video: VideoTrack(clips: clips))
    }

    @Test("cuts place clips end to end")
    func cuts() {
        let schedule = TimelineSchedule(timeline(fps: Rational(30), durations: [Rational(3), Rational(2), Rational(4)]))
        #expect(schedule.entries.map(\.startFrame) == [0, 90, 150])
        #expect(schedule.entries.map(\.frameCount) == [90, 60, 120])
        #expect(schedule.entries.map(\.transitionFrames) == [0, 0, 0])
        #expect(schedule.entries.map(\.endFrame) == [90, 150, 270])
        #expect(schedule.totalFrames == 270)
        #expect(schedule.duration == Rational(9))
        #expect(schedule.totalSamples == 9 * 48_000)
    }

    @Test("transitions overlap clips and shorten the timeline")
    func transitions() {
        let schedule = TimelineSchedule(timeline(
            fps: Rational(30), durations: [Rational(3), Rational(2), Rational(4)],
            transitions: [nil, Rational(1, 2), Rational(1)]))
        #expect(schedule.entries.map(\.startFrame) == [0, 75, 105])
        #expect(schedule.entries.map(\.transitionFrames) == [0, 15, 30])
        #expect(schedule.totalFrames == 90 + 60 + 120 - 15 - 30)
        #expect(schedule.totalFrames == 225)
        #expect(schedule.duration == Rational(15, 2))
        #expect(schedule.totalSamples == 360_000)
    }

    @Test("a transition on the first clip is ignored")
    func firstClipTransitionIgnored() {
        let schedule = TimelineSchedule(timeline(
            fps: Rational(25), durations: [Rational(2), Rational(2)], transitions: [Rational(1), nil]))
        #expect(schedule.entries.map(\.startFrame) == [0, 50])
        #expect(schedule.totalFrames == 100)
    }

    @Test("each clip rounds once to whole frames")
    func roundsPerClip() {
        // 0.25 s at 30 fps is 7.5 frames, rounded to 8; with exact times the clips would
        // start at 0, 7.5, 15; here they start at 0, 8, 16.
        let schedule = TimelineSchedule(timeline(fps: Rational(30), durations: Array(repeating: Rational(1, 4), count: 3)))
        #expect(schedule.entries.map(\.startFrame) == [0, 8, 16])
        #expect(schedule.totalFrames == 24)
        #expect(schedule.duration == Rational(4, 5))
    }

    @Test("NTSC 30000/1001 fps stays exact over an hour")
    func ntsc() {
        let fps = Rational(30000, 1001)
        // 120 clips of 30 s: 899.1 frames each, rounded to 899.
        let schedule = TimelineSchedule(timeline(fps: fps, durations: Array(repeating: Rational(30), count: 120)))
        #expect(schedule.entries.allSatisfy { $0.frameCount == 899 })
        #expect(schedule.entries.last?.startFrame == Int64(119 * 899))
        #expect(schedule.totalFrames == 120 * 899)
        // 107 880 frames × 1001/30000 s = 3599.596 s exactly, × 48 000 = 172 780 608 samples.
        #expect(schedule.duration == Rational(107_880 * 1001, 30000))
        #expect(schedule.totalSamples == 172_780_608)
        #expect(schedule.time(ofFrame: 30000) == Rational(1001))
        #expect(schedule.frame(at: Rational(1001)) == 30000)
    }

    @Test("one NTSC frame is 1601.6 samples: totals round once, not per frame")
    func ntscSamples() {
        let fps = Rational(30000, 1001)
        let schedule = TimelineSchedule(timeline(fps: fps, durations: [Rational(10)]))
        #expect(schedule.totalFrames == 300)  // 299.7 → 300
        #expect(schedule.duration == Rational(1001, 100))  // 10.01 s
        #expect(schedule.totalSamples == 480_480)
        #expect(schedule.totalSamples != 300 * Rational(1001, 30000).samples(at: 48_000))
    }

    @Test("converts between frames and times")
    func frameTimes() {
        let schedule = TimelineSchedule(timeline(fps: Rational(25), durations: [Rational(4)]))
        #expect(schedule.time(ofFrame: 50) == Rational(2))
        #expect(schedule.frame(at: Rational(2)) == 50)
        #expect(schedule.frame(at: Rational(1, 50)) == 1)  // half a frame rounds up
        #expect(schedule.sampleRate == 48_000)
        #expect(schedule.fps == Rational(25))
    }
}
