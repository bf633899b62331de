import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation

/// What every stage body gets: the job's spec and folder, the run's context and settings.
struct StageJob: Sendable {
    let spec: JobSpec
    let directory: JobDirectory
    let context: StageContext
    let settings: RunnerSettings
    var remote = RemoteStudio.offline

    var isTimeline: Bool { spec.timeline != nil && spec.script == nil }

    func preset() throws(PipelineError) -> Preset {
        try PresetChoice.resolve(spec, defaultPreset: settings.defaultPreset, presets: settings.presets)
    }

    func progress(_ stage: StageName, _ done: Int, of total: Int) {
        context.progress(JobProgress(stage: stage, fraction: total > 0 ? Double(done) / Double(total) : 1))
    }

    /// A provider session for `stage`: the job's cancellation and logger, the shared cache,
    /// and a record of each call in `provider-calls.jsonl` and to the context.
    func session(_ stage: StageName) -> ProviderSession {
        let context = context, log = directory.path(JobDirectory.providerCalls)
        return ProviderSession(stage: stage, cancellation: context.cancellation, cache: remote.cache, logger: context.logger) { call in
            ProviderCallLog.append(call, to: log)
            context.providerCall(call)
        }
    }

    /// Reads `plan.json`.
    func plan(_ stage: StageName) throws(PipelineError) -> Plan {
        try directory.readJSON(Plan.self, from: JobDirectory.plan, stage: stage)
    }

    /// Reads `media/narration.json`.
    func narrations(_ stage: StageName) throws(PipelineError) -> [Narration] {
        try directory.readJSON([Narration].self, from: JobDirectory.narrations, stage: stage)
    }

    /// Reads `timeline.json`, strictly and within the document limits.
    func timeline(_ stage: StageName) throws(PipelineError) -> Timeline {
        guard let data = directory.fileData(JobDirectory.timeline) else {
            throw .corrupt(JobDirectory.timeline, "missing or unreadable", stage: stage)
        }
        do {
            return try TimelineDecoder(limits: settings.limits.documents).decode(data)
        } catch {
            throw .corrupt(JobDirectory.timeline, "does not decode: \(error)", stage: stage)
        }
    }
}
