import AIProdCore
import AIProdMedia
import Crypto
import Foundation

/// publish: `result.json`, the ``JobResult`` the store records once: the files (relative to
/// the job's folder), the video's length, size and SHA-256, the QA verdict and the stages'
/// wall time.
struct PublishStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        let directory = job.directory
        let timeline = try job.timeline(.publish)
        let report = try directory.readJSON(QAReport.self, from: JobDirectory.qa, stage: .publish)
        let (bytes, sha256) = try Self.digest(directory.video, relative: JobDirectory.video, context: job.context)
        let wall = StageName.allCases.filter { $0 < .publish }.compactMap { directory.readManifest($0)?.seconds }.reduce(0, +)
        let exported = job.spec.subtitles.export
        var warnings = job.isTimeline ? [] : (try? job.plan(.publish).warnings) ?? []
        if let voices = directory.fileData(JobDirectory.narrationWarnings),
           let list = try? JSONCoding.decoder.decode([String].self, from: voices) {
            warnings.append(contentsOf: list)
        }
        let result = JobResult(
            video: JobDirectory.video, thumbnail: JobDirectory.thumbnail,
            subtitlesSrt: exported ? JobDirectory.srt : nil, subtitlesVtt: exported ? JobDirectory.vtt : nil,
            duration: TimelineSchedule(timeline).duration.doubleValue, videoBytes: bytes, videoSha256: sha256,
            qaPassed: report.passed, qaFailures: report.failures, wallSeconds: wall, warnings: warnings)
        try directory.writeJSON(result, to: JobDirectory.result, stage: .publish)
        return [JobDirectory.result]
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
