extension KeyedDecodingContainer {
    /// Decodes `key` when present (and not null), else returns `fallback`: how every optional
    /// Timeline field gets its documented default.
    func decode<T: Decodable>(_ key: Key, default fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}
