import AIProdCore
import Foundation

/// Which files in the job's folder belong to which stage: what a failed (or re-run) stage
/// removes, and nothing of any other stage's.
enum StageOutputs {
    static func remove(_ stage: StageName, in directory: JobDirectory) {
        for file in files(of: stage) { directory.remove(file) }
        for name in directory.names(in: JobDirectory.media) where prefixes(of: stage).contains(where: name.hasPrefix) {
            directory.remove(JobDirectory.media + "/" + name)
        }
        removePartials(in: directory)
    }

    /// Half-written files (`.<name>.<random>.partial`) a killed process left behind. Stages run
    /// one at a time in a job's folder, so any there when a stage starts or fails are dead.
    static func removePartials(in directory: JobDirectory) {
        for folder in ["", JobDirectory.media, "stages"] {
            for name in directory.names(in: folder) where name.hasPrefix(".") && name.hasSuffix(".partial") {
                directory.remove(folder.isEmpty ? name : folder + "/" + name)
            }
        }
    }

    static func files(of stage: StageName) -> [String] {
        switch stage {
        case .plan: [JobDirectory.plan, JobDirectory.script]
        case .narrate: [JobDirectory.narrations, JobDirectory.narrationWarnings]
        case .foley: [JobDirectory.effects, JobDirectory.foleyScratch, JobDirectory.foleyWarnings]
        case .score: [JobDirectory.music, JobDirectory.musicPieces, JobDirectory.musicWarnings]
        case .visuals: [JobDirectory.visuals, JobDirectory.visualWarnings]
        case .direct: [JobDirectory.timeline, JobDirectory.imported]
        case .render: [JobDirectory.video]
        case .qa: [JobDirectory.thumbnail, JobDirectory.srt, JobDirectory.vtt, JobDirectory.qa]
        case .publish: [JobDirectory.result, JobDirectory.credits, JobDirectory.creditsText]
        }
    }

    /// Numbered files in `media/`.
    static func prefixes(of stage: StageName) -> [String] {
        switch stage {
        case .narrate: ["narration-"]
        case .foley: ["effect-"]
        case .visuals: ["visual-", ".visual-"]
        default: []
        }
    }
}
