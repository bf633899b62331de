import Foundation

/// The one JSON form of everything aiprod writes and reads (timelines, plans, probes, QA
/// reports): snake_case keys, sorted, pretty, slashes unescaped. Sorted keys make the output
/// byte-identical for equal values, which plan determinism relies on.
public enum JSONCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()
}
