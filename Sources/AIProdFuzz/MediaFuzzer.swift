import AIProdCore
import Foundation

// The fuzz build is a debug build (testable): `StillImage` is internal.
#if AIPROD_FUZZ
@testable import AIProdMedia
#else
import AIProdMedia
#endif

/// Writes the input to a file whose extension the first byte picks (libav guesses formats
/// from names as well as bytes), then probes it with every frame decoded, and decodes it as a
/// still picture the way image clips are.
final class MediaFuzzer: @unchecked Sendable {
    /// Extensions the first byte chooses among (modulo their count).
    static let extensions = ["mp4", "mkv", "wav", "mp3", "jpg", "png", "mov", "webm"]

    static let shared = MediaFuzzer()

    /// One folder per process: libFuzzer's fork mode runs several at once.
    let folder: URL

    private init() {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("aiprod-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The input as (extension, file bytes).
    static func split(_ data: Data) -> (String, Data) {
        guard let first = data.first else { return (extensions[0], data) }
        return (extensions[Int(first) % extensions.count], data.dropFirst())
    }

    func run(_ data: Data) {
        let (ext, bytes) = Self.split(data)
        let path = folder.appendingPathComponent("input.\(ext)").path
        guard FileManager.default.createFile(atPath: path, contents: bytes) else { return }
        _ = try? MediaProbe(decode: true, measureLoudness: true).probe(path)
        #if AIPROD_FUZZ
        _ = try? StillImage.decode(path: path, limits: MediaLimits())
        #endif
    }
}
