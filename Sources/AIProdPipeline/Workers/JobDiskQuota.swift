import AIProdCore
import AIProdStore
import Logging

/// `[storage] max_job_bytes` for one attempt: measures the job's folder (its own files; hard
/// links to assets are the asset store's) and stops the job when it is over, so a runaway render
/// ends with a clear message instead of filling the disk. The failure is the caller's kind: a
/// retry would write the same bytes again.
struct JobDiskQuota: Sendable {
    /// 0: no cap.
    let limit: Int64
    let folder: String

    /// Bytes in the folder when over the limit, else nil (always nil without a limit).
    func excess() -> Int64? {
        guard limit > 0 else { return nil }
        let bytes = DiskUsage.bytes(in: folder)
        return bytes > limit ? bytes : nil
    }

    /// Stops the job (reason ``StopReason/diskQuota``) when its folder is over the limit.
    func enforce(_ control: JobControl, logger: Logger) {
        guard control.stopReason == .none, let bytes = excess() else { return }
        logger.warning("job over its disk quota", metadata: ["bytes": "\(bytes)", "max_job_bytes": "\(limit)"])
        control.stop(.diskQuota)
    }

    /// What the job's record says: not retried.
    func failure(stage: StageName?) -> JobFailure {
        let bytes = DiskUsage.bytes(in: folder)
        return JobFailure(
            code: "job_disk_quota",
            message: "the job's folder holds \(bytes) bytes, over [storage] max_job_bytes (\(limit)); the job is not retried",
            field: nil, category: .caller, stage: stage)
    }
}
