import AIProdCore
import Foundation

/// Decodes the input as a timeline, strictly, and validates it: what `aiprod render
/// TIMELINE.json` does before it opens any media.
struct TimelineFuzzer {
    func run(_ data: Data) {
        _ = try? TimelineDecoder().decode(data)
    }
}
