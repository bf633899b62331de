import Foundation

/// The entry points that read outside bytes, one libFuzzer target each. The fuzz binary is one
/// executable; `AIPROD_FUZZ_TARGET` names the target it runs (`make fuzz` runs each in turn).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Opening, probing and decoding a media file (`MediaProbe` with decode on; still images).
    case media
    /// Decoding and validating a timeline (`TimelineDecoder.decode`).
    case timeline
    /// Decoding a plan (`aiprod render PLAN.json` reads one).
    case plan
    /// Planning a script (`OfflinePlanner.plan`).
    case script

    /// The target `AIPROD_FUZZ_TARGET` names; nil when unset or unknown.
    static var selected: FuzzTarget? {
        ProcessInfo.processInfo.environment["AIPROD_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))
    }

    /// Feeds one input to the entry point. Typed errors are the expected answer to bad bytes;
    /// only a crash, a sanitizer report, a hang or runaway memory is a finding.
    func run(_ data: Data) {
        switch self {
        case .media: MediaFuzzer.shared.run(data)
        case .timeline: TimelineFuzzer().run(data)
        case .plan: PlanFuzzer().run(data)
        case .script: ScriptFuzzer().run(data)
        }
    }
}
