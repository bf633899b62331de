import Foundation

/// The API's JSON form: snake_case keys like the project's documents, ISO 8601 dates (the
/// documents' default, seconds since 2001, means nothing to a curl user), compact.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
