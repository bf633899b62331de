import Foundation

/// `manifest.json` in a backup folder: what it holds, each file with its size and SHA-256, so a
/// restore can prove the copy is whole before it swaps anything in.
public struct BackupManifest: Codable, Sendable, Hashable {
    /// Bumped when the layout changes; a restore refuses formats it does not know.
    public static let currentFormat = 1
    /// The database's file name inside the backup folder.
    public static let databaseFile = "aiprod.sqlite3"
    /// The folder, inside the backup, that holds the copies of assets and outputs (under their
    /// paths relative to the data folder).
    public static let filesFolder = "files"
    public static let fileName = "manifest.json"

    public var format: Int
    /// ISO 8601, UTC.
    public var createdAt: String
    public var aiprodVersion: String
    /// Why it was taken: `manual`, `scheduled` or `pre-migration`.
    public var reason: String
    public var schema: Schema
    public var database: Entry
    /// Assets and the outputs of finished jobs, paths relative to the data folder.
    public var files: [Entry]
    /// Files the database names that were not on disk when the backup ran (not in the backup).
    public var missing: [String]

    public struct Schema: Codable, Sendable, Hashable {
        public var version: Int
        public var migrations: [String]
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var path: String
        /// `database`, `asset` or `output`.
        public var kind: String
        public var bytes: Int64
        public var sha256: String
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()
}
