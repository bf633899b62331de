import Foundation
import Hummingbird

/// `[storage]`'s admission rules for new work: refuse (507) a job or upload when the data disk's
/// free space is under `min_free_bytes`, or when today's (UTC) job folders and uploads already
/// reach `max_bytes_per_day`. Refusing at the door is better than a render that fills the disk
/// halfway through.
struct DiskRoom: Sendable {
    /// 0: no floor.
    let minFreeBytes: Int64
    /// 0: no daily cap.
    let maxBytesPerDay: Int64

    var isActive: Bool { minFreeBytes > 0 || maxBytesPerDay > 0 }

    /// Why new work of `incoming` bytes (0 when unknown, as for a job) is refused, or nil.
    /// `free` nil (statvfs failed) does not refuse: the write itself will report a real error.
    func refusal(free: Int64?, usedToday: Int64, incoming: Int64) -> APIError? {
        if minFreeBytes > 0, let free {
            let (needed, overflow) = minFreeBytes.addingReportingOverflow(max(0, incoming))
            if overflow || free < needed {
                return APIError(.insufficientStorage, code: "insufficient_storage",
                                "the data disk has \(free) bytes free, under [storage] min_free_bytes (\(minFreeBytes))"
                                    + (incoming > 0 ? " once this \(incoming)-byte upload is added" : "")
                                    + "; new jobs and uploads are refused until space is freed")
            }
        }
        if maxBytesPerDay > 0 {
            let (total, overflow) = usedToday.addingReportingOverflow(max(0, incoming))
            if overflow || usedToday >= maxBytesPerDay || total > maxBytesPerDay {
                return APIError(.insufficientStorage, code: "daily_quota_exceeded",
                                "today's jobs and uploads take \(usedToday) bytes"
                                    + (incoming > 0 ? " (\(incoming) more with this upload)" : "")
                                    + ", over [storage] max_bytes_per_day (\(maxBytesPerDay)); new jobs and uploads are refused until 00:00 UTC")
            }
        }
        return nil
    }

    /// 00:00 UTC of `now`'s day: when the daily quota starts over.
    static func startOfDay(_ now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.startOfDay(for: now)
    }
}
