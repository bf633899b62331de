import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Logging

/// A small, quick job for the runner: 320x180 at 25 fps, a two-scene English script with a
/// sound cue (bell), on the local providers (espeak-ng, fluidsynth, libav).
enum PipelineFixture {
    static let preset = Preset(
        name: "test-180p", summary: "tests", width: 320, height: 180, fps: Rational(25),
        loudness: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5), transitions: TransitionKind.allCases,
        transitionSeconds: Rational(1, 2))

    static let script = """
    # The Bell

    The old bell rings over the quiet harbour.

    Then the rain falls on the sea.
    """

    static func runner(_ config: StudioConfig = StudioConfig()) throws(PipelineError) -> StudioFactory.LocalRunner {
        var runner = try StudioFactory.runner(studio: config)
        runner.settings.presets = [preset]
        return runner
    }

    static func spec(_ script: String = script, seed: UInt64 = 3) -> JobSpec {
        JobSpec(script: script, preset: preset.name, seed: seed)
    }

    static func context(_ cancellation: RenderCancellation = RenderCancellation(), progress: ProgressLog? = nil) -> StageContext {
        StageContext(cancellation: cancellation, progress: { progress?.record($0) },
                     logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// A job folder inside `scratch`.
    static func directory(_ scratch: ScratchDirectory) -> JobDirectory {
        JobDirectory(root: scratch.file("job"))
    }

    /// Inode and modification time of a file: what a stage that did not run leaves unchanged.
    static func identity(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let inode = attributes[.systemFileNumber], let date = attributes[.modificationDate] as? Date else { return nil }
        return "\(inode)@\(date.timeIntervalSince1970)"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONCoding.decoder.decode(T.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Every file under `root`, relative to it (hidden ones included: a partial file is one).
    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(name) }
        }
        return files.sorted()
    }
}
