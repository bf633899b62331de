import AIProdCore
import Foundation

/// How the JSON columns are written: the API's snake_case keys, compact and sorted, so a row
/// reads like the API's JSON and compares byte for byte.
enum StoredJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func encode(_ value: some Encodable) throws(StoreError) -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError.invalidValue("The value could not be stored as JSON: \(error).")
        }
    }

    /// Throws (a `database` error once wrapped) when a stored row no longer decodes.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONCoding.decoder.decode(type, from: Data(text.utf8))
    }
}

extension Date {
    /// Unix seconds, the store's REAL date columns.
    var unixSeconds: Double { timeIntervalSince1970 }

    init(unixSeconds: Double) {
        self.init(timeIntervalSince1970: unixSeconds)
    }
}
