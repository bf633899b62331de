import AIProdCore
import Foundation

/// Turns a `POST /pipeline/run` (or `/pipeline/plan`, `/cost/estimate`, `/timeline/render`)
/// body into a ``JobSpec``, strictly: unknown fields, wrong types and malformed JSON are
/// refused naming the field. `prompt` is accepted as the seed's name for `script`.
struct JobRequestDecoder: Sendable {
    let limits: DocumentLimits

    enum Kind: Sendable {
        /// A script to plan (`script` or `prompt` required, `timeline` refused).
        case script
        /// A ready Timeline (`timeline` required, `script` refused).
        case timeline
    }

    func decode(_ data: Data, as kind: Kind) throws -> JobSpec {
        let body = try renamingPrompt(data)
        let spec = try TimelineDecoder(limits: limits).decodeStrict(JobSpec.self, from: body)
        switch kind {
        case .script:
            if spec.timeline != nil {
                throw APIError.badRequest("unknown_field", "a timeline goes to POST /timeline/render", field: "timeline")
            }
            guard let script = spec.script else {
                throw APIError.badRequest("missing_field", "required field is missing (or its alias 'prompt')", field: "script")
            }
            if script.allSatisfy(\.isWhitespace) {
                throw APIError.invalid("the script is empty", field: "script")
            }
        case .timeline:
            if spec.script != nil {
                throw APIError.badRequest("unknown_field", "a script goes to POST /pipeline/run", field: "script")
            }
            guard spec.timeline != nil else {
                throw APIError.badRequest("missing_field", "required field is missing", field: "timeline")
            }
        }
        return spec
    }

    /// `{"prompt": …}` becomes `{"script": …}`; both at once is ambiguous and refused.
    private func renamingPrompt(_ data: Data) throws -> Data {
        guard data.count <= limits.maxJSONBytes else {
            throw APIError(.contentTooLarge, code: "content_too_large", "the document is over \(limits.maxJSONBytes) bytes")
        }
        // Cheap test first: only bodies that mention the key are parsed twice.
        guard data.range(of: Data("\"prompt\"".utf8)) != nil else { return data }
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], let prompt = object["prompt"] else {
            return data
        }
        if object["script"] != nil {
            throw APIError.badRequest("unknown_field", "give either 'script' or its alias 'prompt', not both", field: "prompt")
        }
        object["script"] = prompt
        object["prompt"] = nil
        do {
            return try JSONSerialization.data(withJSONObject: object)
        } catch {
            throw APIError.badRequest("invalid_json", "the body could not be read as JSON")
        }
    }
}
