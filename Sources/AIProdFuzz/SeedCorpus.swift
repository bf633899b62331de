import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// Writes the seed corpora `make fuzz` starts from: small media files made in-process with
/// ``SyntheticMedia`` (a few KB each, nothing committed), the example timelines and scripts
/// of docs/examples, and the plans the planner makes of those scripts.
struct SeedCorpus {
    var root: URL
    /// Where the examples are, relative to the working directory (the repository's root).
    var examples = URL(fileURLWithPath: "docs/examples")

    /// Writes every target's seeds; returns how many each got.
    func write() throws -> [(FuzzTarget, Int)] {
        var counts: [(FuzzTarget, Int)] = []
        for target in FuzzTarget.allCases {
            let folder = root.appendingPathComponent(target.rawValue)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let seeds = try self.seeds(for: target)
            for (name, bytes) in seeds {
                try bytes.write(to: folder.appendingPathComponent("seed-\(name)"))
            }
            counts.append((target, seeds.count))
        }
        return counts
    }

    func seeds(for target: FuzzTarget) throws -> [(String, Data)] {
        switch target {
        case .media: return try mediaSeeds()
        case .timeline: return try examples(withExtension: "json")
        case .plan: return try planSeeds()
        case .script:
            let header = Data([0, 0, 7]), timed = Data([1, 30, 7])
            let scripts = try examples(withExtension: "txt")
            let small: [(String, String)] = [
                ("dialogue", "# Titre\n\n« Viens ! » dit-elle.\n— Non.\n- Oui ?\n\n## Deux\n\nM. Dupont arriva… puis partit. 3.14 etc. U.S. J. K. Rowling.\n"),
                ("marks", "\"Quoted.\" (Bracketed.) ¿Qué? ¡Sí! Il hésita… Puis: « Bon ! » dit-il.\n\n\n\n### \n####### x\n#tag\n"),
                ("mixed", "Storm and rain. L'orage gronde, la pluie tombe. Der Wind weht. 東京 مرحبا é\u{301}\n"),
            ]
            return scripts.map { ($0.0, header + $0.1) } + scripts.map { ($0.0 + "-timed", timed + $0.1) }
                + small.map { ($0.0, header + Data($0.1.utf8)) }
        }
    }

    /// The example files ending in `.ext`, by name.
    func examples(withExtension ext: String) throws -> [(String, Data)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".\(ext)") }.sorted()
        return try names.map { ($0, try Data(contentsOf: examples.appendingPathComponent($0))) }
    }

    /// The plans of the example scripts, as `aiprod plan` writes them.
    func planSeeds() throws -> [(String, Data)] {
        try examples(withExtension: "txt").map { name, bytes in
            let plan = try OfflinePlanner().plan(
                String(decoding: bytes, as: UTF8.self), preset: .web720p, seed: 1, targetDuration: Rational(60))
            return (name + ".plan.json", try JSONCoding.encoder.encode(plan))
        }
    }

    /// Tiny media files, each behind the byte that makes ``MediaFuzzer`` give it its extension.
    func mediaSeeds() throws -> [(String, Data)] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aiprod-seeds-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let video = "testsrc2=s=48x32:r=10:d=0.3", audio = "sine=frequency=440:sample_rate=8000:duration=0.3"
        let makers: [(String, (String) throws -> Void)] = [
            ("mp4", { try SyntheticMedia().write(video: video, audio: audio, to: $0) }),
            ("mkv", { try SyntheticMedia().write(video: video, audio: audio, channels: 1, to: $0) }),
            ("wav", { try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: audio, channels: 1, to: $0) }),
            ("mp3", { try SyntheticMedia(audioCodec: "libmp3lame").write(audio: audio, channels: 1, to: $0) }),
            ("jpg", { try SyntheticMedia.image("testsrc2=s=32x24", to: $0) }),
            ("png", { try SyntheticMedia.image("testsrc2=s=32x24", to: $0) }),
            ("mov", { try SyntheticMedia(videoCodec: "mjpeg", audioCodec: "pcm_s16le").write(video: video, audio: audio, channels: 1, to: $0) }),
            ("webm", { try SyntheticMedia(audioCodec: "libopus").write(audio: "sine=duration=0.3", channels: 1, to: $0) }),
        ]
        var seeds: [(String, Data)] = []
        for (ext, make) in makers {
            guard let selector = MediaFuzzer.extensions.firstIndex(of: ext) else { continue }
            let path = scratch.appendingPathComponent("seed.\(ext)").path
            do {
                try make(path)
                seeds.append((ext, Data([UInt8(selector)]) + (try Data(contentsOf: URL(fileURLWithPath: path)))))
            } catch {
                FileHandle.standardError.write(Data("warning: no \(ext) seed: \(error)\n".utf8))
            }
        }
        return seeds
    }
}
