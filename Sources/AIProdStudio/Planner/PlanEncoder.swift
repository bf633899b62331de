import AIProdCore
import Foundation

/// Writes a ``Plan`` as the JSON stored with a job, returned by the API and shown for review.
///
/// One fixed configuration so the same plan is always the same bytes: keys sorted (Swift's
/// dictionaries and synthesized coding promise no order), pretty-printed for people and diffs,
/// slashes left alone, snake_case keys like the rest of the API (`words_per_minute`,
/// `sound_cues`). ``decoder`` reads it back.
public struct PlanEncoder: Sendable {
    public init() {}

    /// The plan's JSON.
    public func encode(_ plan: Plan) throws -> Data {
        try Self.makeEncoder().encode(plan)
    }

    /// A decoder that reads what ``encode(_:)`` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }
}
