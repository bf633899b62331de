import AIProdCore
import AIProdMedia
import Foundation

/// The studio's own sound effects: a folder with one sub-folder per category, named by its
/// raw value (`rain/`, `city_traffic/`…), holding `.wav`, `.ogg` or `.flac` files. Scanned
/// once when the value is made (a job asks for many effects; the disk is read once), kept as
/// a sorted list per category, so the same seed picks the same file as long as the folder
/// does not change.
///
/// Lenient where a studio's folder is untidy, strict where it would hurt: other files, hidden
/// files (`._rain.wav` from a Mac) and unknown folders are skipped, and a missing root is an
/// empty library (everything is synthesised); but a picked file that is not audio is an
/// error, not a silent substitution, so the studio learns that its library is broken.
public struct SoundLibrary: Sendable, Hashable {
    /// File extensions taken (compared lowercased).
    public static let extensions: Set<String> = ["wav", "ogg", "flac"]

    /// The folder scanned; nil for a library without one.
    public let root: String?
    /// Full paths per category, sorted by file name.
    public let files: [SoundCategory: [String]]

    /// Scans `root` (nil: an empty library).
    public init(root: String?) {
        self.root = root
        files = root.map(Self.scan(root:)) ?? [:]
    }

    /// The files of `root`, per category. A missing or unreadable root or category folder
    /// gives no files; category folders are matched by name ignoring case.
    public static func scan(root: String) -> [SoundCategory: [String]] {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: root) else { return [:] }
        var found: [SoundCategory: [(name: String, path: String)]] = [:]
        for folder in folders {
            guard let category = SoundCategory(rawValue: folder.lowercased()) else { continue }
            let folderPath = (root as NSString).appendingPathComponent(folder)
            guard let names = try? manager.contentsOfDirectory(atPath: folderPath) else { continue }
            for name in names where !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased()) {
                let path = (folderPath as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                found[category, default: []].append((name, path))
            }
        }
        return found.mapValues { entries in
            entries.sorted { ($0.name, $0.path) < ($1.name, $1.path) }.map(\.path)
        }
    }

    /// The files for `category` (empty when the library has none).
    public func files(for category: SoundCategory) -> [String] {
        files[category] ?? []
    }

    /// The categories the library has at least one file for.
    public var categories: Set<SoundCategory> {
        Set(files.filter { !$0.value.isEmpty }.keys)
    }

    /// The file `seed` picks for `category`, checked to be audio; nil when the library has
    /// nothing for the category. The pick is SplitMix64 of the seed (mixed with the category),
    /// modulo the number of files.
    public func pick(_ category: SoundCategory, seed: UInt64) throws(StudioError) -> SoundEffect? {
        let candidates = files(for: category)
        guard !candidates.isEmpty else { return nil }
        var random = SplitMix64(seed: seed, category: category)
        let path = candidates[Int(random.next() % UInt64(candidates.count))]
        return SoundEffect(path: path, category: category, source: .library, durationSeconds: try Self.audioDuration(path))
    }

    /// The playing time of a library file, or `.invalidAsset` when it is not audio.
    private static func audioDuration(_ path: String) throws(StudioError) -> Double {
        func notAudio(_ reason: String) -> StudioError {
            StudioError(.invalidAsset, "sound library file \(path) is not audio: \(reason)")
        }
        let probe: ProbeResult
        do {
            probe = try MediaProbe(decode: false, measureLoudness: false).probe(path)
        } catch {
            throw notAudio(error.message)
        }
        guard let audio = probe.stream("audio") else {
            throw notAudio("it has no audio stream (\(probe.streams.map(\.type).joined(separator: ", ")))")
        }
        if let seconds = audio.durationSeconds ?? probe.durationSeconds, seconds > 0 { return seconds }
        // No duration in the header (some Ogg files): count the samples.
        let decoded = (try? MediaProbe(decode: true, measureLoudness: false).probe(path))?.stream("audio")
        guard let samples = decoded?.decodedSamples, samples > 0, let rate = audio.sampleRate, rate > 0 else {
            throw notAudio("it holds no sound")
        }
        return Double(samples) / Double(rate)
    }
}
