import AIProdStore
import Foundation

extension ServerServices {
    /// Throws the 507 of ``DiskRoom`` when new work must wait; measures on the thread pool (a
    /// statvfs, a query and a walk of today's job folders), and only when a rule is set.
    func checkDiskRoom(incoming: Int64 = 0) async throws {
        let room = DiskRoom(minFreeBytes: settings.minFreeBytes, maxBytesPerDay: settings.maxBytesPerDay)
        guard room.isActive else { return }
        let store = store, settings = settings
        let refusal = try await blocking.run { () throws -> APIError? in
            let free = room.minFreeBytes > 0 ? DiskUsage.freeBytes(at: settings.dataDirectory) : nil
            var usedToday: Int64 = 0
            if room.maxBytesPerDay > 0 {
                let since = DiskRoom.startOfDay(Date())
                usedToday = try store.assetBytes(createdSince: since)
                for id in try store.jobIDs(createdSince: since) {
                    let (sum, overflow) = usedToday.addingReportingOverflow(DiskUsage.bytes(in: settings.jobsDirectory + "/" + id.rawValue))
                    usedToday = overflow ? .max : sum
                }
            }
            return room.refusal(free: free, usedToday: usedToday, incoming: incoming)
        }
        if let refusal { throw refusal }
    }
}
