import AIProdCore
import AIProdStudio
import Foundation

/// foley: an effect for each of the plan's sound cues, brought into the job as
/// `media/effect-S-C.*` (a library file linked or copied, a synthesised one moved in), and the
/// list of them (`media/effects.json`) the director reads. With `effects: false` the list is
/// empty: no effects track.
///
/// Each cue's effect comes from the studio's sound library, else from `[studio] effects` (a
/// Freesound search by the cue's category and word, in the licences the provider allows, the
/// recording decoded and checked), else from synthesis. A provider that fails only sends its
/// cue to the next source, with a warning in `media/foley-warnings.json`.
struct FoleyStage<Effects: SoundEffectProvider> {
    let effects: Effects

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline { return [] }
        let plan = try job.plan(.foley)
        var chosen: [[SoundEffect]] = plan.scenes.map { _ in [] }
        var warnings: [String] = []
        if job.spec.effects {
            let total = plan.scenes.reduce(0) { $0 + $1.soundCues.count }
            var done = 0
            try job.directory.makeDirectory(JobDirectory.foleyScratch, stage: .foley)
            let names = try job.remote.effectNames(for: job.spec)
            var remote = RemoteEffects(job: job)
            defer { job.directory.remove(JobDirectory.foleyScratch) }
            for scene in plan.scenes {
                for (offset, cue) in scene.soundCues.enumerated() {
                    try job.context.check(.foley)
                    let seed = job.spec.seed &+ UInt64(scene.index * 16 + offset)
                    var effect: SoundEffect
                    if let picked = try fromLibrary(cue, seed: seed) {
                        effect = picked
                    } else if let found = try remote.effect(for: cue, number: offset, in: scene, seed: seed, names: names) {
                        chosen[scene.index].append(found)
                        done += 1
                        job.progress(.foley, done, of: total)
                        continue
                    } else {
                        effect = try synthesised(cue, seed: seed, job: job)
                    }
                    let file = JobDirectory.effect(scene: scene.index, cue: offset, extension: (effect.path as NSString).pathExtension.lowercased())
                    try job.directory.bringIn(effect.path, as: file, stage: .foley)
                    effect.path = file
                    chosen[scene.index].append(effect)
                    done += 1
                    job.progress(.foley, done, of: total)
                }
            }
            warnings = remote.warnings
        }
        try job.directory.writeJSON(chosen, to: JobDirectory.effects, stage: .foley)
        var files = chosen.flatMap { $0.map(\.path) } + [JobDirectory.effects]
        if !warnings.isEmpty {
            try job.directory.writeJSON(warnings, to: JobDirectory.foleyWarnings, stage: .foley)
            files.append(JobDirectory.foleyWarnings)
        }
        return files
    }

    private func fromLibrary(_ cue: SoundCue, seed: UInt64) throws(PipelineError) -> SoundEffect? {
        do {
            return try effects.libraryEffect(cue.category, seed: seed)
        } catch {
            throw PipelineError(error, stage: .foley)
        }
    }

    private func synthesised(_ cue: SoundCue, seed: UInt64, job: StageJob) throws(PipelineError) -> SoundEffect {
        do {
            return try effects.effect(cue.category, seed: seed, in: job.directory.path(JobDirectory.foleyScratch), cancellation: job.context.cancellation)
        } catch {
            throw PipelineError(error, stage: .foley)
        }
    }
}
