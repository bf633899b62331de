import Foundation

/// What a downloaded file is, told by its first bytes (its magic number) rather than by the
/// reply's content type or the URL's extension, which a hostile or careless server gets wrong.
/// Only the formats aiprod takes from stock libraries and music servers are known; anything
/// else is refused before it reaches libav (which probes it again, safely, when it is used).
enum MediaSignature: String, Sendable, Hashable {
    case jpeg = "jpg", png, webp, mp4, mp3, ogg, wav, flac

    /// The file extension the media is stored under.
    var fileExtension: String { rawValue }

    var isPicture: Bool { self == .jpeg || self == .png || self == .webp }
    var isVideo: Bool { self == .mp4 }
    var isAudio: Bool { self == .mp3 || self == .ogg || self == .wav || self == .flac }

    /// The format `data` starts like, or nil.
    init?(of data: Data) {
        let bytes = [UInt8](data.prefix(12))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts(Array("RIFF".utf8)), starts(Array("WAVE".utf8), at: 8) {
            self = .wav
        } else if starts(Array("ftyp".utf8), at: 4) {
            self = .mp4
        } else if starts(Array("OggS".utf8)) {
            self = .ogg
        } else if starts(Array("fLaC".utf8)) {
            self = .flac
        } else if starts(Array("ID3".utf8)) || (bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) {
            // An ID3 tag, or an MPEG audio frame's 11-bit sync word.
            self = .mp3
        } else {
            return nil
        }
    }
}
