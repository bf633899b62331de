import AIProdCore
import Foundation

/// A photo or video a stock library gave for a scene, with the credit that goes with it.
public struct StockMedia: Sendable {
    /// The file's bytes, checked by magic number (JPEG, PNG or WebP; MP4 for a video).
    public var data: Data
    public var isVideo: Bool
    /// "jpg", "png", "webp" or "mp4".
    public var fileExtension: String
    /// The video's length as the library states it; nil for a photo.
    public var durationSeconds: Double?
    /// Role `.visual`, source the provider's name, kind "pexels", the photographer or
    /// videographer and their page, the media's page, licence `.pexels`.
    public var credit: Credit

    public init(data: Data, isVideo: Bool, fileExtension: String, durationSeconds: Double?, credit: Credit) {
        self.data = data
        self.isVideo = isVideo
        self.fileExtension = fileExtension
        self.durationSeconds = durationSeconds
        self.credit = credit
    }
}
