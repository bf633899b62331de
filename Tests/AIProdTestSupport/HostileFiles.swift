import AIProdMedia
import Foundation

/// Files an attacker (or an accident) hands aiprod, written for one test: each returns its
/// path. Deterministic: "random" bytes come from a fixed generator.
public enum HostileFiles {
    /// An `ffmetadata` text file: libav opens it, and it has no streams at all.
    public static func zeroStreams(in directory: ScratchDirectory, name: String = "zero.mp3") -> String {
        directory.write(";FFMETADATA1\ntitle=x\n", to: name)
    }

    /// An HLS playlist (whatever its name) naming `entries`: files or URLs.
    public static func playlist(in directory: ScratchDirectory, name: String = "playlist.mp4", entries: [String]) -> String {
        let body = entries.map { "#EXTINF:1.0,\n\($0)\n" }.joined()
        return directory.write("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n\(body)#EXT-X-ENDLIST\n", to: name)
    }

    /// An `ffconcat` list (whatever its name) naming `files`.
    public static func concatList(in directory: ScratchDirectory, name: String = "list.mp4", files: [String]) -> String {
        directory.write("ffconcat version 1.0\n" + files.map { "file '\($0)'\n" }.joined(), to: name)
    }

    /// A PNG that declares `width`×`height` in a valid IHDR, followed by a few bytes of
    /// picture data: tiny on disk, gigabytes if a decoder believed it. `complete: false` stops
    /// after the header (no data, no end).
    public static func png(in directory: ScratchDirectory, name: String = "huge.png", width: UInt32, height: UInt32, complete: Bool = true) throws -> String {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ data: [UInt8]) {
            let typed = Array(type.utf8) + data
            bytes += bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
        }
        chunk("IHDR", bigEndian(width) + bigEndian(height) + [8, 6, 0, 0, 0])
        if complete {
            // A zlib stream of a few zero bytes (stored block): the start of the first row.
            chunk("IDAT", [0x78, 0x01, 0x01, 0x08, 0x00, 0xF7, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x08, 0x00, 0x01])
            chunk("IEND", [])
        }
        let path = directory.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A WAV of silence-free noise at any rate and channel count (the header says what it
    /// says: libav reads it).
    public static func wav(in directory: ScratchDirectory, name: String, sampleRate: Int, channels: Int, seconds: Double = 0.5) throws -> String {
        let path = directory.file(name)
        let frames = Int(Double(sampleRate) * seconds)
        var samples = [Float](repeating: 0, count: frames * channels)
        for index in 0..<frames {
            let value = Float(0.3 * sin(2 * Double.pi * 440 * Double(index) / Double(sampleRate)))
            for channel in 0..<channels { samples[index * channels + channel] = value }
        }
        try WAVFile.write(samples, channels: channels, sampleRate: sampleRate, to: path)
        return path
    }

    /// `count` fixed pseudo-random bytes under a media name.
    public static func randomBytes(in directory: ScratchDirectory, name: String, count: Int = 4096) throws -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<count).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let path = directory.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Cuts a file to a fraction of its length.
    public static func truncate(_ path: String, toFraction fraction: Double) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(Int(Double(data.count) * fraction)).write(to: URL(fileURLWithPath: path))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
