import AIProdCore
import Foundation

/// A recorded sound a library gave for an effect, with its credit.
public struct FoundSound: Sendable {
    /// The preview's bytes, checked by magic number (MP3 or Ogg).
    public var data: Data
    /// "mp3" or "ogg".
    public var fileExtension: String
    /// The sound's length as the library states it (checked against the query's bounds).
    public var durationSeconds: Double
    /// Role `.effect`, source the provider's name, kind "freesound", the sound's name, its
    /// uploader and page, and its licence (read from the reply's licence URL).
    public var credit: Credit

    public init(data: Data, fileExtension: String, durationSeconds: Double, credit: Credit) {
        self.data = data
        self.fileExtension = fileExtension
        self.durationSeconds = durationSeconds
        self.credit = credit
    }
}
