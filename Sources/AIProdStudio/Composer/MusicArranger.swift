import AIProdCore
import AIProdMedia
import Foundation

/// Makes the music bed for a video's mood segments: one piece per segment, from the studio's
/// library (the seed's pick, then the next ones), else each `MusicPieceSource` in order, else
/// the composer; each fitted to its span (`MusicFitter`: cut on a bar line, or looped), the
/// pieces crossfaded equal-power over `crossfadeFrames` into one 48 kHz stereo float WAV of
/// exactly the video's length.
///
/// A piece hands over where its cut falls: the next one starts `crossfade` before the previous
/// one's end, so the change lands on the outgoing piece's bar line, at most a bar before the
/// scene's. Whatever fails on the way (a library file that does not decode, a source that
/// throws) is skipped with a warning; only the composer, the last resort, may fail the stage.
/// One segment and no library piece or source: the composer writes the bed itself at the exact
/// length, as it always has.
///
/// Blocking (libav, fluidsynth, network): call it from the job's dedicated thread.
public struct MusicArranger<Composer: MusicProvider>: Sendable {
    public var composer: Composer
    /// The composer's model for credits ("fluidsynth TimGM6mb").
    public var composerModel: String
    public var library: MusicLibrary
    public var sources: [any MusicPieceSource]
    public var limits: MediaLimits
    public var crossfadeFrames: Int
    public var fitter = MusicFitter()
    /// Seconds asked of a source or the composer past the span, so the cut can fall on a bar
    /// before the piece's own ending.
    public static var extraSeconds: Int { 4 }

    public init(composer: Composer, composerModel: String, library: MusicLibrary, sources: [any MusicPieceSource],
                limits: MediaLimits, crossfadeFrames: Int) {
        self.composer = composer
        self.composerModel = composerModel
        self.library = library
        self.sources = sources
        self.limits = limits
        self.crossfadeFrames = crossfadeFrames
    }

    /// Writes the bed for `segments` (consecutive, from frame 0) to `output`; `scratch` is a
    /// folder for the pieces sources and the composer write (removed file by file).
    public func arrange(
        _ segments: [MoodSegment], seed: UInt64, to output: String, scratch: String, cancellation: RenderCancellation,
        progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) throws(StudioError) -> MusicArrangement {
        guard let total = segments.last.map({ Int($0.end) }), total > 0 else {
            throw StudioError(.invalidOption, "no music to make: the video has no length")
        }
        var arrangement = MusicArrangement()
        if !library.isReadable, let root = library.root {
            arrangement.warnings.append("the music library \(root) is missing or not a folder; music came from the next source")
        }
        var bed = MusicCrossfader(frames: total)
        var start = 0
        var fadeIn = MusicRamp(frames: min(72_000, total / 5))
        for (index, segment) in segments.enumerated() {
            if cancellation.isCancelled { throw StudioError(.cancelled, "music cancelled") }
            let last = index == segments.count - 1
            let crossfade = last ? 0 : min(crossfadeFrames, Int(segment.frames) / 2, Int(segments[index + 1].frames) / 2)
            let length = (last ? total : Int(segment.end) + crossfade / 2) - start
            let fadeOut = last ? MusicRamp(frames: min(120_000, length / 4)) : MusicRamp(frames: crossfade, shape: .equalPower)
            let pieceSeed = index == 0 ? seed : seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            let report: @Sendable (Double) -> Void = { progress((Double(index) + $0) / Double(segments.count)) }
            if segments.count == 1, var only = try found(segment.mood, frames: length, seed: pieceSeed, scratch: scratch,
                                                         cancellation: cancellation, warnings: &arrangement.warnings) {
                let fitted = fitter.fit(only.samples, frames: length, fadeIn: fadeIn, fadeOut: fadeOut)
                try write(fitted.samples, to: output)
                only.piece.end = Double(fitted.end) / 48_000
                arrangement.pieces.append(only.piece)
                return arrangement
            }
            if segments.count == 1 {
                // The composer's own piece is the bed: exact length, its own fades.
                try composer.compose(mood: segment.mood, duration: Rational(Int64(total), 48_000), seed: pieceSeed, to: output,
                                     cancellation: cancellation, progress: report)
                arrangement.pieces.append(composed(segment.mood, start: 0, end: total, seed: pieceSeed))
                return arrangement
            }
            var chosen = try found(segment.mood, frames: length, seed: pieceSeed, scratch: scratch, cancellation: cancellation,
                                   warnings: &arrangement.warnings)
            if chosen == nil {
                let path = scratch + "/.music-composed-\(index).wav.partial"
                defer { unlink(path) }
                try composer.compose(mood: segment.mood, duration: Rational(Int64(length + Self.extraSeconds * 48_000), 48_000),
                                     seed: pieceSeed, to: path, cancellation: cancellation, progress: report)
                chosen = (try decode(path, frames: length, cancellation: cancellation), composed(segment.mood, start: 0, end: 0, seed: pieceSeed))
            }
            guard var piece = chosen?.piece, let samples = chosen?.samples else { continue }
            chosen = nil  // the decoded piece is not held past its fitting
            let fitted = fitter.fit(samples, frames: length, fadeIn: fadeIn, fadeOut: fadeOut)
            bed.add(fitted.samples, at: start)
            piece.start = Double(start) / 48_000
            piece.end = Double(start + fitted.end) / 48_000
            arrangement.pieces.append(piece)
            start = max(start + fitted.end - crossfade, start)
            fadeIn = MusicRamp(frames: crossfade, shape: .equalPower)
            report(1)
        }
        try write(bed.samples, to: output)
        return arrangement
    }

    /// A piece for `mood` from the library or a source, decoded; nil when none gave one.
    private func found(
        _ mood: Mood, frames: Int, seed: UInt64, scratch: String, cancellation: RenderCancellation, warnings: inout [String]
    ) throws(StudioError) -> (samples: [Float], piece: MusicPiece)? {
        let candidates = library.candidates(for: mood, seed: seed)
        if library.root != nil, library.isReadable, candidates.isEmpty {
            warnings.append("the music library has no piece for the \(mood.rawValue) mood; it came from the next source")
        }
        for entry in candidates {
            do {
                let samples = try decode(entry.path, frames: frames, cancellation: cancellation)
                return (samples, MusicPiece(mood: mood, start: 0, end: 0, source: .library, file: entry.name, credit: entry.credit))
            } catch where error.code == .cancelled {
                throw error
            } catch {
                warnings.append("music library file \(entry.name) was skipped: \(error.message)")
            }
        }
        for (index, source) in sources.enumerated() {
            let path = scratch + "/.music-source-\(index).partial"
            defer { unlink(path) }
            do {
                var credit = try source.piece(mood: mood, seconds: Double(frames) / 48_000 + Double(Self.extraSeconds), seed: seed,
                                              to: path, cancellation: cancellation)
                let samples = try decode(path, frames: frames, cancellation: cancellation)
                credit.role = .music
                return (samples, MusicPiece(mood: mood, start: 0, end: 0, source: .remote, credit: credit))
            } catch where error.code == .cancelled {
                throw error
            } catch {
                warnings.append("music source \(source.name) failed for the \(mood.rawValue) mood: \(error.message)")
            }
        }
        if !(candidates.isEmpty && sources.isEmpty) {
            warnings.append("the \(mood.rawValue) music was composed offline instead")
        }
        return nil
    }

    /// `path` decoded (safely, within `limits`) to at most what fitting `frames` needs;
    /// `.invalidAsset` when it holds no sound.
    private func decode(_ path: String, frames: Int, cancellation: RenderCancellation) throws(StudioError) -> [Float] {
        let samples: [Float]
        do {
            samples = try AudioFileDecoder.stereo48k(path: path, frames: frames + 48_000, limits: limits, cancellation: cancellation)
        } catch {
            throw .media(error)
        }
        guard samples.count >= 2 * 4_800 else {
            throw StudioError(.invalidAsset, "it holds under 0.1 s of sound")
        }
        return samples
    }

    private func composed(_ mood: Mood, start: Int, end: Int, seed: UInt64) -> MusicPiece {
        MusicPiece(mood: mood, start: Double(start) / 48_000, end: Double(end) / 48_000, source: .composed,
                   credit: Credit(role: .music, source: "offline", title: "\(mood.rawValue.capitalized) score", license: .generated,
                                  model: composerModel, seed: seed))
    }

    private func write(_ samples: [Float], to path: String) throws(StudioError) {
        do {
            try WAVFile.write(samples, channels: 2, to: path)
        } catch {
            throw .media(error)
        }
    }
}
