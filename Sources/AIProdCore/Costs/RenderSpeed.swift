/// Seconds of this machine's time per second of finished video, for a preset: what turns a
/// plan's length into compute seconds and an ETA.
///
/// The daemon measures it per preset from finished jobs (the Store keeps an EWMA); until a
/// preset has been measured, ``benchmarkDefault(for:)`` gives an estimate from the whole-job
/// benchmark in docs/BENCHMARKS.md.
public enum RenderSpeed {
    /// docs/BENCHMARKS.md, "The whole job" (issue 5; 2 cores): the 54.1 s example took a median
    /// 13.5 s at web-720p (1280×720×30 = 27.6 M pixels/s) and 27.2 s at youtube-1080p
    /// (1920×1080×30 = 62.2 M pixels/s).
    static let measured: [(pixelsPerSecond: Double, secondsPerVideoSecond: Double)] = [
        (1280 * 720 * 30, 13.5 / 54.1),
        (1920 * 1080 * 30, 27.2 / 54.1),
    ]

    /// The benchmark's line through those two points: a fixed part per video second (narration,
    /// music, QA's decode) plus a part proportional to the pixels encoded, so presets not
    /// measured (shorts, square, broadcast at 25 fps) get a proportionate guess.
    public static func benchmarkDefault(for preset: Preset) -> Double {
        let (low, high) = (measured[0], measured[1])
        let perPixel = (high.secondsPerVideoSecond - low.secondsPerVideoSecond) / (high.pixelsPerSecond - low.pixelsPerSecond)
        let fixed = low.secondsPerVideoSecond - perPixel * low.pixelsPerSecond
        let fps = Double(preset.fps.numerator) / Double(max(preset.fps.denominator, 1))
        let pixelsPerSecond = Double(preset.width) * Double(preset.height) * fps
        return max(fixed + perPixel * pixelsPerSecond, 0.01)
    }
}
