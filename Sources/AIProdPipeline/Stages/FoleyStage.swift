import AIProdCore
import AIProdStudio
import Foundation

/// foley: an effect for each of the plan's sound cues, brought into the job as
/// `media/effect-S-C.*` (a library file linked or copied, a synthesised one moved in), and the
/// list of them (`media/effects.json`) the director reads. With `effects: false` the list is
/// empty: no effects track.
struct FoleyStage<Effects: SoundEffectProvider> {
    let effects: Effects

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline { return [] }
        let plan = try job.plan(.foley)
        var chosen: [[SoundEffect]] = plan.scenes.map { _ in [] }
        if job.spec.effects {
            let total = plan.scenes.reduce(0) { $0 + $1.soundCues.count }
            var done = 0
            try job.directory.makeDirectory(JobDirectory.foleyScratch, stage: .foley)
            defer { job.directory.remove(JobDirectory.foleyScratch) }
            for scene in plan.scenes {
                for (offset, cue) in scene.soundCues.enumerated() {
                    try job.context.check(.foley)
                    var effect: SoundEffect
                    do {
                        effect = try effects.effect(cue.category, seed: job.spec.seed &+ UInt64(scene.index * 16 + offset),
                                                    in: job.directory.path(JobDirectory.foleyScratch), cancellation: job.context.cancellation)
                    } catch {
                        throw PipelineError(error, stage: .foley)
                    }
                    let file = JobDirectory.effect(scene: scene.index, cue: offset, extension: (effect.path as NSString).pathExtension.lowercased())
                    try job.directory.bringIn(effect.path, as: file, stage: .foley)
                    effect.path = file
                    chosen[scene.index].append(effect)
                    done += 1
                    job.progress(.foley, done, of: total)
                }
            }
        }
        try job.directory.writeJSON(chosen, to: JobDirectory.effects, stage: .foley)
        return chosen.flatMap { $0.map(\.path) } + [JobDirectory.effects]
    }
}
