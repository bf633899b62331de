import Foundation

/// Decodes a Codable document strictly: the size and depth pre-scan first, then unknown fields,
/// wrong types and missing fields as ``TimelineError``s naming the field. Shared by
/// ``TimelineDecoder`` and ``PlanDecoder``.
///
/// Codable ignores unknown keys, which would let a typo (`"duraton"`) silently fall back to a
/// default. So the decoded value is encoded again and every key of the input must reappear in
/// that round trip at the same path; any other key is unknown.
struct StrictJSONDecoder {
    var limits: DocumentLimits

    func decode<T: Codable>(_ type: T.Type, from data: Data) throws(TimelineError) -> T {
        try JSONPrescan.check(data, limits: limits)
        let input: Any
        do {
            input = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw TimelineError(.invalidJSON, field: nil, "not valid JSON: \(TimelineDecoder.reason(error))")
        }
        let value: T
        do {
            value = try JSONCoding.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw TimelineDecoder.translate(error)
        } catch {
            throw TimelineError(.invalidJSON, field: nil, "\(error)")
        }
        let known: Any
        do {
            known = try JSONSerialization.jsonObject(with: JSONCoding.encoder.encode(value), options: [.fragmentsAllowed])
        } catch {
            throw TimelineError(.invalidJSON, field: nil, "could not re-encode: \(error)")
        }
        if let unknown = TimelineDecoder.firstUnknownKey(input: input, known: known, path: "") {
            throw TimelineError(.unknownField, field: unknown, "unknown field")
        }
        return value
    }
}
