import Foundation

/// Decodes a ``Plan`` (a storyboard written by the planner, or edited by a person and sent
/// back) as strictly as ``TimelineDecoder`` decodes a timeline: size and nesting limits before
/// parsing; unknown fields, wrong types, missing fields and numbers out of range as
/// ``TimelineError``s naming the field; then ``PlanValidator``.
public struct PlanDecoder: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
    }

    public func decode(_ data: Data) throws(TimelineError) -> Plan {
        let plan = try StrictJSONDecoder(limits: limits).decode(Plan.self, from: data)
        try PlanValidator(limits: limits).validate(plan)
        return plan
    }
}
