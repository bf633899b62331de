import Foundation

/// The picture formats an image provider may answer with, told by the bytes' magic number:
/// a reply's content type or file name is not trusted, and anything else (an HTML error page
/// served with status 200, a truncated base64 string) is refused before it reaches a job.
enum PictureFormat: String, Sendable, CaseIterable {
    case png
    case jpeg
    case webp

    /// Shorter than this cannot hold a header and a pixel.
    static let minimumBytes = 32

    init?(magic data: Data) {
        let head = [UInt8](data.prefix(12))
        guard data.count >= Self.minimumBytes else { return nil }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            self = .webp
        } else {
            return nil
        }
    }

    var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        }
    }

    var mimeType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        }
    }

    /// The format of `data`, or `.malformedReply` naming `what` when it is not a picture.
    static func check(_ data: Data, what: String, provider: String) throws(ProviderError) -> PictureFormat {
        guard let format = PictureFormat(magic: data) else {
            throw ProviderError(.malformedReply, provider: provider, "\(what) is not a PNG, JPEG or WebP picture")
        }
        return format
    }
}
