import Foundation

/// The API's JSON form: snake_case keys like the project's documents, ISO 8601 dates in UTC
/// with milliseconds (the documents' default, seconds since 2001, means nothing to a curl user;
/// whole seconds hide the queue's latency, which is milliseconds), compact.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(style.format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
