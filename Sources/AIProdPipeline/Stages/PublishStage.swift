import AIProdCore
import AIProdMedia
import AIProdProviders
import Crypto
import Foundation

/// publish: `result.json`, the ``JobResult`` the store records once: the files (relative to
/// the job's folder), the video's length, size and SHA-256, the QA verdict, the stages' wall
/// time and every stage's warnings; and the job's credits (`credits.json`, `credits.txt`).
struct PublishStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        let directory = job.directory
        let timeline = try job.timeline(.publish)
        let report = try directory.readJSON(QAReport.self, from: JobDirectory.qa, stage: .publish)
        let (bytes, sha256) = try Self.digest(directory.video, relative: JobDirectory.video, context: job.context)
        let wall = StageName.allCases.filter { $0 < .publish }.compactMap { directory.readManifest($0)?.seconds }.reduce(0, +)
        let exported = job.spec.subtitles.export
        let plan = job.isTimeline ? nil : try? job.plan(.publish)
        var warnings = plan?.warnings ?? []
        for file in Self.warningFiles {
            if let data = directory.fileData(file), let list = try? JSONCoding.decoder.decode([String].self, from: data) {
                warnings.append(contentsOf: list)
            }
        }
        try writeCredits(job, plan: plan)
        let result = JobResult(
            video: JobDirectory.video, thumbnail: JobDirectory.thumbnail,
            subtitlesSrt: exported ? JobDirectory.srt : nil, subtitlesVtt: exported ? JobDirectory.vtt : nil,
            duration: TimelineSchedule(timeline).duration.doubleValue, videoBytes: bytes, videoSha256: sha256,
            qaPassed: report.passed, qaFailures: report.failures, wallSeconds: wall, warnings: warnings)
        try directory.writeJSON(result, to: JobDirectory.result, stage: .publish)
        return [JobDirectory.credits, JobDirectory.creditsText, JobDirectory.result]
    }

    /// The stages' fallbacks, in stage order: each a JSON array of sentences, present only
    /// when the stage had something to say.
    static let warningFiles = [
        JobDirectory.narrationWarnings, JobDirectory.foleyWarnings, JobDirectory.musicWarnings, JobDirectory.visualWarnings,
    ]

    /// `credits.json` and `credits.txt`, gathered from the folder (written before
    /// `result.json`, which marks the job published).
    private func writeCredits(_ job: StageJob, plan: Plan?) throws(PipelineError) {
        var models: [String: String] = [:]
        for (name, chat) in job.remote.chats where !chat.transport.config.model.isEmpty {
            models[name] = chat.transport.config.model
        }
        let voice = job.spec.voice ?? plan.flatMap { job.remote.studio.voices[$0.language] }
        let document = CreditsCollector(directory: job.directory, models: models, offlineVoice: voice).collect()
        try job.directory.writeJSON(document, to: JobDirectory.credits, stage: .publish)
        try job.directory.write(Data(CreditsText.render(document, title: plan?.title ?? job.spec.title).utf8), to: JobDirectory.creditsText, stage: .publish)
    }

    /// Size and SHA-256 (hex) of `path`, read in 1 MiB blocks, cancellable between blocks.
    static func digest(_ path: String, relative: String, context: StageContext) throws(PipelineError) -> (Int64, String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .corrupt(relative, "missing or unreadable", stage: .publish) }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes: Int64 = 0
        while true {
            try context.check(.publish)
            let block: Data?
            do {
                block = try handle.read(upToCount: 1 << 20)
            } catch {
                throw .disk(relative, "cannot read: \(error.localizedDescription)", stage: .publish)
            }
            guard let block, !block.isEmpty else { break }
            hasher.update(data: block)
            bytes += Int64(block.count)
        }
        return (bytes, hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }
}
