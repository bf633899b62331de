import AIProdCore
import AIProdMedia
import Foundation

/// A recording an effects provider sent, made into a WAV of the job only once the media
/// engine's safe opening decodes it as sound: a 48 kHz mono float file, at most
/// ``maxSeconds`` long (a longer one is cut, with a short fade), refused when it is silent.
enum ReceivedEffect {
    static let maxSeconds = 30

    /// Decodes `data` and writes the WAV at `relative`; returns its length in seconds.
    static func accept(_ data: Data, extension ext: String, as relative: String, in directory: JobDirectory,
                       limits: Limits, cancellation: RenderCancellation) throws(ReceivedMediaError) -> Double {
        let folder = (relative as NSString).deletingLastPathComponent
        let safeExtension = ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && !ext.isEmpty && ext.count <= 5 ? ext : "bin"
        let temporary = folder + "/.effect-reply.\(UInt32.random(in: 0...UInt32.max)).\(safeExtension).partial"
        guard FileManager.default.createFile(atPath: directory.path(temporary), contents: data) else {
            throw ReceivedMediaError("cannot write \(temporary)")
        }
        defer { directory.remove(temporary) }
        var samples: [Float]
        do {
            samples = try AudioFileDecoder.mono48k(path: directory.path(temporary), maxFrames: 48_000 * 600, limits: limits.media,
                                                   cancellation: cancellation)
        } catch {
            throw ReceivedMediaError("not sound aiprod can use: \(error.message)")
        }
        guard samples.count >= 2_400 else { throw ReceivedMediaError("shorter than 50 ms") }
        guard samples.allSatisfy(\.isFinite), let peak = samples.map(abs).max(), peak > 1e-4 else {
            throw ReceivedMediaError("silent, or not numbers")
        }
        let cap = maxSeconds * 48_000
        if samples.count > cap {
            samples.removeLast(samples.count - cap)
            let fade = 4_800
            for index in 0..<fade { samples[cap - fade + index] *= Float(fade - index) / Float(fade) }
        }
        do {
            try WAVFile.write(samples, channels: 1, to: directory.path(relative))
        } catch {
            throw ReceivedMediaError("cannot write \(relative): \(error.message)")
        }
        return Double(samples.count) / 48_000
    }
}
