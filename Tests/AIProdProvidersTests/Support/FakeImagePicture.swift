import AIProdMedia
import Foundation

/// The pictures the image fakes answer with: real PNGs (or JPEGs) of one solid colour, made by
/// libav, whose colour is derived from the prompt so a test can tell which scene's picture it
/// is looking at.
///
/// The colour rule: hash the prompt's UTF-8 bytes with 64-bit FNV-1a (offset basis
/// 0xcbf29ce484222325, prime 0x100000001b3); take the hash's lowest three bytes as red, green
/// and blue (byte 0 red, byte 1 green, byte 2 blue), each mapped from 0…255 into 32…223
/// (`32 + byte * 3 / 4`), so the colour survives limited-range YUV without clipping.
enum FakeImagePicture {
    struct Colour: Sendable, Hashable, CustomStringConvertible {
        var red: UInt8
        var green: UInt8
        var blue: UInt8

        /// `0xRRGGBB`, as libav's `color` source takes it.
        var hex: String { String(format: "0x%02X%02X%02X", red, green, blue) }
        var description: String { hex }
    }

    static func colour(for prompt: String) -> Colour {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prompt.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        func channel(_ shift: UInt64) -> UInt8 { UInt8(32 + Int((hash >> shift) & 0xFF) * 3 / 4) }
        return Colour(red: channel(0), green: channel(8), blue: channel(16))
    }

    /// A `width`×`height` picture of `colour`, PNG unless `jpeg`. Encoded by libav into a
    /// temporary file that is removed.
    static func picture(_ colour: Colour, width: Int, height: Int, jpeg: Bool = false) throws -> Data {
        let path = FileManager.default.temporaryDirectory.path + "/aiprod-fake-picture-\(UUID().uuidString).\(jpeg ? "jpg" : "png")"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SyntheticMedia.image("color=c=\(colour.hex):s=\(width)x\(height)", to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The picture for `prompt`, as the fakes answer it.
    static func picture(for prompt: String, width: Int, height: Int, jpeg: Bool = false) throws -> Data {
        try picture(colour(for: prompt), width: width, height: height, jpeg: jpeg)
    }

    /// The prompt a request body holds (`prompt` at the top of an openai or a1111 body).
    static func prompt(in body: Data) -> String? {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["prompt"] as? String
    }
}
