import AIProdCore
import AIProdStore
import Foundation

/// Everything the status page shows, read in one go off the event loop: the store's gauges,
/// the running and the recent jobs, the jobs that ended in the last hour, the disk, and the
/// recent jobs' thumbnails as `data:` URIs (the page loads nothing, not even from its own
/// origin, so it works from a cookie without a bearer header).
struct StatusSnapshot: Sendable {
    var now: Date
    var version: String
    var workers: Int
    var gauges: StoreGauges
    var running: [JobRecord]
    var recent: [JobRecord]
    var lastHour: [JobTiming]
    var disk: DiskSpace?
    /// Job id → `data:image/jpeg;base64,…`.
    var thumbnails: [JobID: String]

    static let recentCount = 20
    static let runningLimit = 100
    /// Bounds the work of one page view whatever the traffic of the last hour.
    static let lastHourLimit = 10_000
    /// A thumbnail larger than this is left out rather than inlined.
    static let thumbnailMaxBytes = 256 << 10

    /// Blocks (SQLite, files): run it on the blocking pool.
    static func load(store: some JobStore, settings: ServerSettings, now: Date) throws(StoreError) -> StatusSnapshot {
        let gauges = try store.gauges()
        let running = try store.jobs(state: .running, limit: runningLimit, cursor: nil).jobs
        let recent = try store.jobs(state: nil, limit: recentCount, cursor: nil).jobs
        let lastHour = try store.finishedJobs(since: now.addingTimeInterval(-3_600), limit: lastHourLimit)
        var thumbnails: [JobID: String] = [:]
        for job in recent where job.state == .succeeded {
            let path = "\(settings.jobsDirectory)/\(job.id.rawValue)/thumbnail.jpg"
            if let uri = thumbnailURI(path) { thumbnails[job.id] = uri }
        }
        return StatusSnapshot(now: now, version: settings.version, workers: settings.workerCount, gauges: gauges, running: running,
                              recent: recent, lastHour: lastHour, disk: DiskUsage.space(at: settings.dataDirectory),
                              thumbnails: thumbnails)
    }

    /// A regular file of at most ``thumbnailMaxBytes`` that starts like a JPEG, base64-encoded.
    private static func thumbnailURI(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.intValue, size > 2, size <= thumbnailMaxBytes,
              let data = FileManager.default.contents(atPath: path), data.count <= thumbnailMaxBytes,
              data.starts(with: [0xFF, 0xD8])
        else { return nil }
        return "data:image/jpeg;base64," + data.base64EncodedString()
    }
}
