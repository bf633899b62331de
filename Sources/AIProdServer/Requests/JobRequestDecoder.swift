import AIProdCore
import Foundation

/// Turns a `POST /pipeline/run` (or `/pipeline/plan`, `/cost/estimate`, `/timeline/render`)
/// body into a ``JobSpec``, strictly: unknown fields, wrong types and malformed JSON are
/// refused naming the field. A script job has exactly one of `script` (narrated as written) and
/// `prompt` (what an LLM of `[studio] planner` writes the script from).
struct JobRequestDecoder: Sendable {
    let limits: DocumentLimits

    enum Kind: Sendable {
        /// A script to plan (`script` or `prompt`, not both; `timeline` refused).
        case script
        /// A ready Timeline (`timeline` required, `script` refused).
        case timeline
    }

    func decode(_ data: Data, as kind: Kind) throws -> JobSpec {
        guard data.count <= limits.maxJSONBytes else {
            throw APIError(.contentTooLarge, code: "content_too_large", "the document is over \(limits.maxJSONBytes) bytes")
        }
        let spec = try TimelineDecoder(limits: limits).decodeStrict(JobSpec.self, from: data)
        switch kind {
        case .script:
            if spec.timeline != nil {
                throw APIError.badRequest("unknown_field", "a timeline goes to POST /timeline/render", field: "timeline")
            }
            if spec.script != nil, spec.prompt != nil {
                throw APIError.badRequest("unknown_field", "give a script or a prompt, not both", field: "prompt")
            }
            guard let text = spec.script ?? spec.prompt else {
                throw APIError.badRequest("missing_field", "required field is missing: a script, or a prompt to write one from", field: "script")
            }
            let field = spec.script == nil ? "prompt" : "script"
            if text.allSatisfy(\.isWhitespace) {
                throw APIError.invalid("the \(field) is empty", field: field)
            }
        case .timeline:
            if spec.script != nil || spec.prompt != nil {
                let field = spec.script != nil ? "script" : "prompt"
                throw APIError.badRequest("unknown_field", "a \(field) goes to POST /pipeline/run", field: field)
            }
            guard spec.timeline != nil else {
                throw APIError.badRequest("missing_field", "required field is missing", field: "timeline")
            }
        }
        return spec
    }
}
