import Foundation

/// Decodes an API's JSON reply into its Codable shape: wrong types, missing fields, bad JSON
/// and numbers that do not fit become `.malformedReply` with the decoder's reason (never a
/// crash). Extra fields are allowed: APIs add them.
enum JSONReply {
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, provider: String) throws(ProviderError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw ProviderError(.malformedReply, provider: provider, "the reply is not the API's JSON: \(reason(error))")
        } catch {
            throw ProviderError(.malformedReply, provider: provider, "the reply is not JSON")
        }
    }

    /// The decoder's complaint, with the path of the field it concerns.
    static func reason(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "the document" : path
        }
        switch error {
        case .typeMismatch(_, let context): return "\(path(context)) has the wrong type"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .keyNotFound(let key, let context): return "\(path(context)) lacks \(key.stringValue)"
        case .dataCorrupted(let context): return "\(path(context)) is not valid (\(context.debugDescription.prefix(80)))"
        @unknown default: return "unreadable"
        }
    }

    /// `value` as a JSON body (the request bodies are small encodable structs).
    static func body<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }
}
