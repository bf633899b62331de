/// Fits a piece of music (48 kHz interleaved stereo float) to an exact number of frames, ending
/// at a musical boundary.
///
/// Longer than needed: the piece is cut at the last bar line before the length (within a bar,
/// at most `searchFrames`), found by `BeatTracker` over the last `analysisFrames` before it and
/// moved to the attack's sample; the fade-out ends there and the rest is silent. When no
/// steady beat is heard, the cut is the quietest 20 ms in the last `searchFrames` instead.
/// Shorter: the piece is looped from its last bar line back to its first (the body between is
/// a whole number of bars, so the pulse carries on across the join; a piece over a minute is
/// heard at each end separately, so a played tempo's drift does not move the lines), the join a short
/// raised-cosine crossfade (`loopCrossfade`); without a grid the whole piece loops. The looped
/// sound is then cut as a long piece is. The result always has exactly the frames asked for,
/// faded in from the first frame and out to silence at its end.
public struct MusicFitter: Sendable {
    public static let sampleRate = 48_000
    public var tracker = BeatTracker()
    /// Crossfade at a loop's join (50 ms).
    public var loopCrossfade = 2_400
    /// How far before the length a cut may land (4 s).
    public var searchFrames = 4 * 48_000
    /// How much sound before the length the tracker hears (30 s).
    public var analysisFrames = 30 * 48_000

    public init() {}

    /// `source` fitted to `frames` frames with `fadeIn` at its start and `fadeOut` ending at the
    /// chosen end (each at least one frame, so the first and the last frame are silent). An
    /// empty source gives silence.
    public func fit(_ source: [Float], frames: Int, fadeIn: MusicRamp, fadeOut: MusicRamp) -> FittedMusic {
        let frames = max(frames, 0)
        guard source.count >= 2, frames > 0 else {
            return FittedMusic(samples: [Float](repeating: 0, count: 2 * frames), end: 0, ending: .length, loops: 0, grid: nil)
        }
        var (stream, loops) = source.count / 2 >= frames ? (Array(source[0..<(2 * frames)]), 0) : loop(source, to: frames)
        var end = frames
        var ending = FittedMusic.Ending.length
        var grid: BeatGrid?
        // Look for a boundary only where the fades leave room and a bar's search would not eat the piece.
        if frames >= fadeIn.frames + fadeOut.frames + searchFrames, frames >= 8 * 48_000 {
            let context = frames + 2 * BeatTracker.hop <= source.count / 2 && loops == 0
                ? Array(source[0..<(2 * (frames + 2 * BeatTracker.hop))]) : stream
            grid = tracker.grid(context, channels: 2, window: max(frames - analysisFrames, 0)..<frames)
            let earliest = frames - min(searchFrames, Int(grid?.barFrames ?? Double(searchFrames)) + BeatTracker.hop)
            if let grid, let line = grid.barLines(in: earliest..<(frames + BeatTracker.hop)).last(where: { $0 <= frames + BeatTracker.hop / 2 }) {
                end = min(BeatTracker.snap(line, in: context, channels: 2), frames)
                ending = .bar
            } else {
                end = Self.quietest(stream, in: (frames - searchFrames)..<frames)
                ending = .quiet
            }
        }
        // At least one frame each way: the bed starts and ends on silence whatever was asked.
        MusicRamp(frames: max(fadeIn.frames, 1), shape: fadeIn.shape).fadeIn(&stream, channels: 2)
        MusicRamp(frames: max(fadeOut.frames, 1), shape: fadeOut.shape).fadeOut(&stream, channels: 2, endingAt: end)
        return FittedMusic(samples: stream, end: end, ending: ending, loops: loops, grid: grid)
    }

    /// `source` looped to exactly `frames` frames, and how many times it went round.
    func loop(_ source: [Float], to frames: Int) -> ([Float], Int) {
        let length = source.count / 2
        let fade = min(loopCrossfade, length / 4)
        var start = 0, end = length - fade
        // A long piece is heard at each end on its own (a played piece drifts in tempo).
        let whole = length <= 2 * analysisFrames
        if length >= 8 * 48_000, let head = tracker.grid(source, channels: 2, window: 0..<(whole ? length : analysisFrames)),
           let tail = whole ? head : tracker.grid(source, channels: 2, window: (length - analysisFrames)..<length) {
            let span = 0..<(length - fade + 1)
            if let first = head.barLines(in: span).first, let last = tail.barLines(in: span).last,
               last - first >= max(Int(tail.barFrames), 48_000) {
                start = BeatTracker.snap(first, in: source, channels: 2)
                end = BeatTracker.snap(last, in: source, channels: 2)
                if end + fade > length || end - start < fade { (start, end) = (0, length - fade) }
            }
        }
        var output = [Float]()
        output.reserveCapacity(2 * frames + 2 * length)
        output.append(contentsOf: source[0..<(2 * end)])
        var loops = 0
        let ramp = MusicRamp(frames: fade)
        while output.count < 2 * frames, end > start {
            // The tail after the loop's end fades out while the loop's start fades in.
            for offset in 0..<fade {
                let gainIn = ramp.gain(at: offset), gainOut = 1 - gainIn
                for channel in 0..<2 {
                    output.append(source[2 * (end + offset) + channel] * gainOut + source[2 * (start + offset) + channel] * gainIn)
                }
            }
            output.append(contentsOf: source[(2 * (start + fade))..<(2 * end)])
            loops += 1
        }
        if output.count < 2 * frames { output.append(contentsOf: [Float](repeating: 0, count: 2 * frames - output.count)) }
        return (Array(output[0..<(2 * frames)]), loops)
    }

    /// The middle of the quietest 20 ms window (in 10 ms steps) within `range`, the latest on a tie.
    static func quietest(_ samples: [Float], in range: Range<Int>) -> Int {
        let window = 960, step = 480
        let range = max(range.lowerBound, 0)..<min(range.upperBound, samples.count / 2)
        guard range.count > window else { return range.upperBound }
        var best = (frame: range.upperBound, energy: Double.infinity)
        var from = range.lowerBound
        while from + window <= range.upperBound {
            var sum = 0.0
            for index in (2 * from)..<(2 * (from + window)) { sum += Double(samples[index]) * Double(samples[index]) }
            if sum <= best.energy { best = (from + window / 2, sum) }
            from += step
        }
        return best.frame
    }
}
