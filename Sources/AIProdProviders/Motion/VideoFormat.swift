import Foundation

/// The containers a motion provider may answer with, told by the bytes' magic number: an ISO
/// base media file (`ftyp` box first: MP4, MOV) or Matroska/WebM (EBML header).
enum VideoFormat: String, Sendable {
    case mp4
    case webm

    /// Shorter than this cannot hold a header and a frame.
    static let minimumBytes = 64

    init?(magic data: Data) {
        let head = [UInt8](data.prefix(8))
        guard data.count >= Self.minimumBytes else { return nil }
        if Array(head[4..<8]) == Array("ftyp".utf8) {
            self = .mp4
        } else if head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) {
            self = .webm
        } else {
            return nil
        }
    }

    var fileExtension: String { rawValue }

    static func check(_ data: Data, what: String, provider: String) throws(ProviderError) -> VideoFormat {
        guard let format = VideoFormat(magic: data) else {
            throw ProviderError(.malformedReply, provider: provider, "\(what) is not an MP4 or WebM video")
        }
        return format
    }
}
