import AIProdCore
@testable import AIProdPipeline
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// A job folder holding every kind of record the credits are gathered from, as the stages
/// write them: an LLM's script and plan (with a refused second planner), narrations by a
/// provider and by espeak-ng, each picture source (own asset, generated, motion, CC BY stock,
/// card), effects (found CC BY sound, library, synthesised) and two music pieces.
enum CreditsFolder {
    static let rain = Credit(role: .effect, source: "sounds", kind: "freesound", title: "Rain on tin", author: "jdoe",
                             authorURL: "https://freesound.org/people/jdoe/", license: .ccBy, link: "https://freesound.org/s/123/")
    static let harbour = Credit(role: .visual, source: "stock", kind: "pexels", title: "Harbour at dusk", author: "Ana Lee",
                                license: .pexels, link: "https://www.pexels.com/photo/42/")
    static let still = Credit(role: .visual, source: "painter", kind: "a1111", license: .generated, model: "sdxl", seed: 11, prompt: "a bell")
    static let clip = Credit(role: .motion, source: "mover", kind: "runway", license: .generated, model: "gen4_turbo", seed: 12)
    static let photo = Credit(role: .visual, source: "stock", kind: "pexels", title: "Bell tower", author: "Bo", license: .ccBy,
                              link: "https://example.org/bell")
    static let song = Credit(role: .music, source: "library", title: "calm/tide.ogg", license: .studio)
    static let composed = Credit(role: .music, source: "offline", license: .generated, model: "fluidsynth TimGM6mb", seed: 3)

    static func plan(warnings: [String] = []) -> Plan {
        let scenes = (0..<4).map { index in
            PlannedScene(index: index, heading: "Scene \(index + 1)", sentences: ["The bell rings."], keywords: ["bell"], mood: .calm,
                         soundCues: [], transition: .fade, wordCount: 3, speechSeconds: Rational(1), pauseSeconds: .zero)
        }
        return Plan(title: "The Bell", language: .english, warnings: warnings, preset: "web-720p", seed: 3, wordsPerMinute: 150,
                    targetDuration: nil, scenes: scenes)
    }

    static func call(_ provider: String, _ kind: ProviderKind, _ stage: StageName, _ purpose: String, _ outcome: ProviderCallOutcome) -> ProviderCall {
        ProviderCall(provider: provider, kind: kind, stage: stage, purpose: purpose, startedAt: Date(timeIntervalSince1970: 1_700_000_000),
                     seconds: 1, attempts: 1, units: 10, unit: kind.unit, usd: 0, outcome: outcome)
    }

    /// A job folder in `scratch` with every record.
    static func filled(_ scratch: ScratchDirectory) throws -> JobDirectory {
        let directory = JobDirectory(root: scratch.file("job"))
        try fill(directory)
        return directory
    }

    /// Writes every record into `directory`.
    static func fill(_ directory: JobDirectory) throws {
        try directory.writeJSON(plan(warnings: ["gpt did not plan the script (invalid_answer: no scenes); trying the next"]),
                                to: JobDirectory.plan, stage: nil)
        try directory.write(Data("The bell rings.".utf8), to: JobDirectory.script, stage: nil)
        let log = directory.path(JobDirectory.providerCalls)
        for call in [
            call("gpt", .openAIChat, .plan, "script", .failed), call("writer", .openAIChat, .plan, "script", .succeeded),
            call("gpt", .openAIChat, .plan, "plan", .succeeded), call("local", .openAIChat, .plan, "plan", .cached),
            call("tts", .openAISpeech, .narrate, "narrate", .succeeded),
        ] {
            ProviderCallLog.append(call, to: log)
        }
        try directory.writeJSON([
            Narration(path: JobDirectory.narration(scene: 0), sampleCount: 48_000, words: [], provider: "tts"),
            Narration(path: JobDirectory.narration(scene: 1), sampleCount: 48_000, words: [], provider: "tts"),
            Narration(path: JobDirectory.narration(scene: 2), sampleCount: 48_000, words: [], provider: nil),
            Narration(path: JobDirectory.narration(scene: 3), sampleCount: 48_000, words: [], provider: nil),
        ], to: JobDirectory.narrations, stage: nil)
        try directory.writeJSON([
            SceneVisual(scene: 0, source: .asset, path: "assets/bell-tower.jpg", kind: .image),
            SceneVisual(scene: 1, source: .generated, path: "media/visual-2.png", kind: .image, credit: still),
            SceneVisual(scene: 2, source: .motion, path: "media/visual-3.mp4", kind: .video, duration: 5, credit: clip),
            SceneVisual(scene: 3, source: .stock, path: "media/visual-4.jpg", kind: .image, credit: harbour),
        ], to: JobDirectory.visuals, stage: nil)
        // The motion clip was animated from a photo: its `still_credit`, as the visuals stage records it.
        let path = directory.path(JobDirectory.visuals)
        var visuals = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
        visuals[2]["still_credit"] = try JSONSerialization.jsonObject(with: JSONCoding.encoder.encode(photo))
        try JSONSerialization.data(withJSONObject: visuals).write(to: URL(fileURLWithPath: path))
        try directory.writeJSON([
            [SoundEffect(path: "media/effect-1-1.mp3", category: .rain, source: .remote, durationSeconds: 2, credit: rain)],
            [SoundEffect(path: "media/effect-2-1.wav", category: .bell, source: .library, durationSeconds: 1)],
            [SoundEffect(path: "media/effect-3-1.wav", category: .wind, source: .synthesised, durationSeconds: 1),
             SoundEffect(path: "media/effect-3-2.mp3", category: .rain, source: .remote, durationSeconds: 2, credit: rain)],
            [],
        ], to: JobDirectory.effects, stage: nil)
        try directory.writeJSON([
            MusicPiece(mood: .tense, start: 20, end: 40, source: .composed, credit: composed),
            MusicPiece(mood: .calm, start: 0, end: 20, source: .library, file: "/srv/music/calm/tide.ogg", credit: song),
        ], to: JobDirectory.musicPieces, stage: nil)
    }
}
