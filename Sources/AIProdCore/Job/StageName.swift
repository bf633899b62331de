/// The stages of a job, in the order they run. A queue resumes a job at its first unfinished
/// stage, so the order is part of the on-disk contract: a job written before a stage was
/// inserted resumes at the new stage, which must then find its inputs from earlier stages.
public enum StageName: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case plan, narrate, foley, score, visuals, direct, render, qa, publish

    /// Position in the run order, from 0.
    public var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The stage that runs after this one; nil after `publish`.
    public var next: StageName? {
        let all = Self.allCases
        let following = index + 1
        return following < all.count ? all[following] : nil
    }

    public static func < (lhs: StageName, rhs: StageName) -> Bool { lhs.index < rhs.index }
}
