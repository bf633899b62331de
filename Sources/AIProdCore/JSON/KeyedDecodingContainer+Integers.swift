extension KeyedDecodingContainer {
    /// Decodes an integer field, and when the JSON number is not one of `T` (`1e300`, `1.5`, a
    /// negative seed) says so at this field. Foundation's `JSONDecoder` reports that case as "not
    /// valid JSON" with no coding path, so a plain `decode(Int.self, …)` cannot name the field.
    func decodeInteger<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let value = try? decode(T.self, forKey: key) { return value }
        // Not a T: a wrong type (typeMismatch, keyNotFound, valueNotFound: all with their path)…
        let number = try decode(Double.self, forKey: key)
        // …or a number that is not an integer in T's range.
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "\(number) is not an integer in \(T.min)…\(T.max)")
    }

    /// ``decodeInteger(_:forKey:)`` for an optional field: nil when absent or null.
    func decodeIntegerIfPresent<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeInteger(type, forKey: key)
    }

    /// ``decodeInteger(_:forKey:)`` with the field's documented default when absent or null.
    func decodeInteger<T: FixedWidthInteger & Decodable>(_ key: Key, default fallback: T) throws -> T {
        try decodeIntegerIfPresent(T.self, forKey: key) ?? fallback
    }
}
