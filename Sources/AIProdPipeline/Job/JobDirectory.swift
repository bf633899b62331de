import AIProdCore
import Foundation

/// A job's folder (`<data>/jobs/<id>/`, or `OUT.media/` for the CLI) and the name of every
/// file in it. The layout is a contract with the server, which serves the finished files from
/// here, and with a resumed run, which trusts a stage whose manifest's files check out:
///
/// ```
/// spec.json  assets/  stages/<stage>.json  plan.json
/// media/narration-N.wav media/narration.json media/effect-S-C.* media/effects.json media/music.wav
/// timeline.json  video.mp4  thumbnail.jpg subtitles.srt subtitles.vtt qa.json  result.json
/// ```
public struct JobDirectory: Sendable, Hashable {
    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// `relative` inside the folder.
    public func path(_ relative: String) -> String { root + "/" + relative }

    public var spec: String { path(Self.spec) }
    public var assets: String { path(Self.assets) }
    public var stages: String { path("stages") }
    public var media: String { path(Self.media) }
    public var plan: String { path(Self.plan) }
    public var timeline: String { path(Self.timeline) }
    public var video: String { path(Self.video) }
    public var thumbnail: String { path(Self.thumbnail) }
    public var srt: String { path(Self.srt) }
    public var vtt: String { path(Self.vtt) }
    public var qa: String { path(Self.qa) }
    public var result: String { path(Self.result) }

    /// `stages/<stage>.json`.
    public func manifest(_ stage: StageName) -> String { path("stages/\(stage.rawValue).json") }

    // Relative names, as manifests, the timeline and the result record them.
    public static let spec = "spec.json"
    public static let assets = "assets"
    public static let media = "media"
    public static let plan = "plan.json"
    public static let narrations = "media/narration.json"
    public static let effects = "media/effects.json"
    public static let music = "media/music.wav"
    /// The pieces the music bed was made of, with their credits (`[MusicPiece]`).
    public static let musicPieces = "media/music.json"
    /// The picture chosen for each scene (`[SceneVisual]`).
    public static let visuals = "media/visuals.json"
    /// Why a scene's picture is not what the chain asked first (a JSON array of sentences).
    public static let visualWarnings = "media/visual-warnings.json"
    /// Why an effect or the music fell back (a JSON array of sentences), per stage.
    public static let foleyWarnings = "media/foley-warnings.json"
    public static let musicWarnings = "media/music-warnings.json"
    /// Every piece's credit, gathered at publish, and the same for people to read.
    public static let credits = "credits.json"
    public static let creditsText = "credits.txt"
    /// Where the foley provider makes its files before they are brought in as `effect-*`.
    static let foleyScratch = "media/.foley"
    /// Files from outside the job a timeline needs (the configured watermark).
    public static let imported = "media/imported"
    public static let timeline = "timeline.json"
    public static let video = "video.mp4"
    public static let thumbnail = "thumbnail.jpg"
    public static let srt = "subtitles.srt"
    public static let vtt = "subtitles.vtt"
    public static let qa = "qa.json"
    public static let result = "result.json"
    /// One JSON line per call to a remote provider, appended as they end.
    public static let providerCalls = "provider-calls.jsonl"
    /// The script an LLM wrote from the job's prompt.
    public static let script = "script.txt"
    /// Why the narration changed voice, if it did (a JSON array of sentences).
    public static let narrationWarnings = "media/narration-warnings.json"

    /// `media/visual-N.<ext>`: scene N's generated, stock or animated picture (N from 1).
    public static func visual(scene index: Int, extension ext: String) -> String {
        "media/visual-\(index + 1).\(ext.isEmpty ? "png" : ext)"
    }

    /// `media/narration-N.wav`, N from 1.
    public static func narration(scene index: Int) -> String { "media/narration-\(index + 1).wav" }

    /// `media/effect-S-C.<ext>`: the effect of scene S's cue C (both from 1).
    public static func effect(scene: Int, cue: Int, extension ext: String) -> String {
        "media/effect-\(scene + 1)-\(cue + 1).\(ext.isEmpty ? "wav" : ext)"
    }

    /// The stage's manifest, if it is there and decodes.
    public func readManifest(_ stage: StageName) -> StageManifest? {
        guard let data = FileManager.default.contents(atPath: manifest(stage)) else { return nil }
        return try? JSONCoding.decoder.decode(StageManifest.self, from: data)
    }

    /// Whether `stage` finished and its outputs are still what it wrote: the manifest is there,
    /// names that stage, and every file it lists exists with the recorded size.
    public func finishedManifest(_ stage: StageName) -> StageManifest? {
        guard let manifest = readManifest(stage), manifest.stage == stage else { return nil }
        for file in manifest.files {
            guard Self.isSafeRelative(file.path), size(of: path(file.path)) == file.bytes else { return nil }
        }
        return manifest
    }

    /// A relative path that stays inside the folder: not absolute, no `..`, no empty piece.
    static func isSafeRelative(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/") else { return false }
        return relative.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    /// The size of a regular file (symlinks followed), nil if absent or not a file.
    func size(of file: String) -> Int64? {
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
