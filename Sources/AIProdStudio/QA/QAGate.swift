import AIProdCore
import AIProdMedia
import Foundation

/// Checks a rendered video against what its timeline asked for: it decodes without error, lasts
/// the timeline's length to the frame, has sound at the target loudness under the true-peak
/// ceiling, shows no unrequested black over 2 s, has no silence over 3 s inside narration, and
/// its subtitles cover the narration. Every check records its measured value.
public struct QAGate: Sendable {
    public static let loudnessTolerance = 1.0
    public static let maxBlackSeconds = 2.0
    public static let maxSilenceSeconds = 3.0
    /// How much of a long silence must lie inside the narration's words to fail the check.
    public static let minimumSilenceOverlap = 0.5
    /// Share of spoken words whose start a cue must cover.
    public static let minimumCoverage = 0.98

    public init() {}

    /// Checks `path`. The two decodes look at `cancellation` every frame and every block, so a
    /// cancelled job stops here at once, with `cancelled` (not a failed report).
    public func check(
        _ path: String, expecting expected: QAExpectations, cancellation: RenderCancellation = RenderCancellation()
    ) throws(StudioError) -> QAReport {
        // One probe of the container, one decode of the picture, one of the sound.
        let probe: ProbeResult, video: VideoScan, audio: AudioScan?
        do {
            probe = try MediaProbe(decode: false, measureLoudness: false).probe(path)
            video = try MediaAnalysis.scanVideo(path: path, minimumBlackSeconds: Self.maxBlackSeconds, cancellation: cancellation)
            audio = probe.stream("audio") == nil ? nil
                : try MediaAnalysis.scanAudio(path: path, silenceDb: -50, minimumSilenceSeconds: Self.maxSilenceSeconds,
                                              cancellation: cancellation)
        } catch where error.code == .cancelled {
            throw StudioError.media(error)
        } catch {
            return QAReport(file: path, checks: [QACheck(name: "decodes", passed: false, measured: error.description, expected: "no decoding error")])
        }
        var checks: [QACheck] = []
        checks.append(QACheck(name: "decodes", passed: video.decodeError == nil && video.frames > 0,
                              measured: video.decodeError ?? "\(video.frames) frames, no error", expected: "no decoding error"))

        let duration = Double(video.frames) * expected.frameSeconds
        checks.append(QACheck(name: "duration", passed: abs(duration - expected.durationSeconds) <= expected.frameSeconds + 1e-6,
                              measured: Self.seconds(duration) + " (\(video.frames) frames)",
                              expected: Self.seconds(expected.durationSeconds) + " ± 1 frame"))

        let stream = probe.stream("audio")
        let audioSeconds = stream?.durationSeconds ?? 0
        checks.append(QACheck(name: "audio_present", passed: stream != nil && abs(audioSeconds - expected.durationSeconds) <= 0.05,
                              measured: stream.map { "\($0.codec) \($0.sampleRate ?? 0) Hz \($0.channels ?? 0) ch, \(Self.seconds(audioSeconds))" } ?? "no audio stream",
                              expected: "an audio stream as long as the video"))

        let loudness = audio?.loudness ?? LoudnessMeasurement(integratedLufs: -144, truePeakDbtp: -144, loudnessRange: 0)
        let target = expected.loudness
        checks.append(QACheck(name: "loudness", passed: abs(loudness.integratedLufs - target.targetLufs) <= Self.loudnessTolerance,
                              measured: String(format: "%.1f LUFS", loudness.integratedLufs),
                              expected: String(format: "%.1f ± %.1f LUFS", target.targetLufs, Self.loudnessTolerance)))
        checks.append(QACheck(name: "true_peak", passed: loudness.truePeakDbtp <= target.truePeakDbtp,
                              measured: String(format: "%.2f dBTP", loudness.truePeakDbtp),
                              expected: String(format: "≤ %.1f dBTP", target.truePeakDbtp)))

        let unrequested = video.blackSpans.filter { span in
            !expected.darkSpans.contains { $0.start - 0.5 <= span.start && span.end <= $0.end + 0.5 }
        }
        checks.append(QACheck(name: "no_black", passed: unrequested.isEmpty,
                              measured: unrequested.isEmpty ? "none" : unrequested.map(Self.span).joined(separator: ", "),
                              expected: "no black stretch over \(Self.maxBlackSeconds) s the timeline did not ask for"))

        // A silence counts when a real part of it falls inside the narration: one that starts as
        // the last word fades (a closing card with no music after it) only grazes the span.
        let inside = (audio?.silentSpans ?? []).filter { span in
            expected.narrationSpans.contains { min(span.end, $0.end) - max(span.start, $0.start) >= Self.minimumSilenceOverlap }
        }
        checks.append(QACheck(name: "no_silence_in_narration", passed: inside.isEmpty,
                              measured: inside.isEmpty ? "none" : inside.map(Self.span).joined(separator: ", "),
                              expected: "no silence over \(Self.maxSilenceSeconds) s inside narration"))

        if !expected.words.isEmpty {
            let cues = expected.cues.map { (start: $0.start.doubleValue, end: $0.end.doubleValue) }
            let covered = expected.words.filter { word in cues.contains { $0.start <= word.start + 1e-3 && word.start < $0.end } }.count
            let share = Double(covered) / Double(expected.words.count)
            checks.append(QACheck(name: "subtitles_cover_narration", passed: share >= Self.minimumCoverage,
                                  measured: String(format: "%.1f %% of %d words", share * 100, expected.words.count),
                                  expected: String(format: "≥ %.0f %%", Self.minimumCoverage * 100)))
        }
        return QAReport(file: path, checks: checks)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
    static func span(_ span: TimeSpan) -> String { String(format: "%.2f–%.2f s", span.start, span.end) }
}
