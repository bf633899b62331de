import Foundation

/// Decodes a ``Timeline`` from JSON strictly: a document over the size or nesting limits is
/// refused before it is parsed; unknown fields, wrong types, missing fields and numbers out of
/// range are ``TimelineError``s naming the field; and the result is validated, counts included.
public struct TimelineDecoder: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
    }

    public func decode(_ data: Data) throws(TimelineError) -> Timeline {
        let timeline: Timeline = try decodeStrict(Timeline.self, from: data)
        try TimelineValidator(limits: limits).validate(timeline)
        return timeline
    }

    /// Decodes any of the Timeline's Codable types strictly, within the document limits, without validation.
    public func decodeStrict<T: Codable>(_ type: T.Type, from data: Data) throws(TimelineError) -> T {
        try StrictJSONDecoder(limits: limits).decode(type, from: data)
    }

    /// The first key present (and not null) in `input` that is absent from `known`.
    static func firstUnknownKey(input: Any, known: Any, path: String) -> String? {
        switch (input, known) {
        case (let inputObject as [String: Any], let knownObject as [String: Any]):
            for (key, inputChild) in inputObject.sorted(by: { $0.key < $1.key }) {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let knownChild = knownObject[key] else {
                    if inputChild is NSNull { continue }
                    return child
                }
                if let found = firstUnknownKey(input: inputChild, known: knownChild, path: child) {
                    return found
                }
            }
            return nil
        case (let inputArray as [Any], let knownArray as [Any]):
            for (index, element) in inputArray.enumerated() where index < knownArray.count {
                if let found = firstUnknownKey(input: element, known: knownArray[index], path: "\(path)[\(index)]") {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }

    static func translate(_ error: DecodingError) -> TimelineError {
        switch error {
        case .keyNotFound(let key, let context):
            let path = JSONPath.string(context.codingPath + [key])
            return TimelineError(.missingField, field: path, "required field is missing")
        case .typeMismatch(let type, let context):
            return TimelineError(.wrongType, field: field(context.codingPath), "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return TimelineError(.wrongType, field: field(context.codingPath), "expected \(typeName(type)), got null")
        case .dataCorrupted(let context):
            let path = JSONPath.string(context.codingPath)
            return TimelineError(context.codingPath.isEmpty ? .invalidJSON : .invalidValue,
                                 field: path.isEmpty ? nil : path, context.debugDescription)
        @unknown default:
            return TimelineError(.invalidJSON, field: nil, "\(error)")
        }
    }

    /// The path of a field, or nil for the document itself (a top-level array or string), as
    /// ``TimelineError/field`` promises, rather than an empty path.
    static func field(_ codingPath: [any CodingKey]) -> String? {
        let path = JSONPath.string(codingPath)
        return path.isEmpty ? nil : path
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default:
            String(describing: type).contains("Array") ? "an array" : "an object"
        }
    }

    static func reason(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? error.localizedDescription
    }
}
