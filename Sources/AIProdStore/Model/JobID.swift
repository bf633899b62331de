/// A job's id: `job_` and 26 random lowercase base32 characters (130 bits). Random rather than
/// sequential so an id reveals nothing about other jobs and cannot be guessed from another.
public struct JobID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// nil unless `rawValue` has the exact shape (so an id from a URL is checked before use).
    public init?(rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A new random id.
    public init() {
        rawValue = "job_" + RandomID.base32(count: 26)
    }

    public var description: String { rawValue }

    static func isWellFormed(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 30, text.hasPrefix("job_") else { return false }
        return utf8[4...].allSatisfy(RandomID.isBase32)
    }
}
