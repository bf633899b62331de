import AIProdCore
import Foundation

/// A piece of music a studio's music model made for the video, with its credit.
public struct ReceivedMusic: Sendable {
    /// The audio's bytes, checked by magic number.
    public var data: Data
    /// "wav", "mp3", "ogg" or "flac", by magic number.
    public var fileExtension: String
    /// Role `.music`, source the provider's name, kind "music-http", licence `.generated`, the
    /// model, seed and prompt it was made with.
    public var credit: Credit

    public init(data: Data, fileExtension: String, credit: Credit) {
        self.data = data
        self.fileExtension = fileExtension
        self.credit = credit
    }
}
