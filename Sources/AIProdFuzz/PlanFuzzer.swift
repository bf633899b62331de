import AIProdCore
import Foundation

/// Decodes the input as a plan.
// TODO: use Core's strict `PlanDecoder` (plan validation) once it lands; until then the
// strict Codable path the timeline decoder shares.
struct PlanFuzzer {
    func run(_ data: Data) {
        _ = try? TimelineDecoder().decodeStrict(Plan.self, from: data)
    }
}
