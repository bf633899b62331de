import AIProdCore
import Foundation

/// Decodes the input as a plan, strictly and validated, as a plan accepted back is.
struct PlanFuzzer {
    func run(_ data: Data) {
        _ = try? PlanDecoder().decode(data)
    }
}
