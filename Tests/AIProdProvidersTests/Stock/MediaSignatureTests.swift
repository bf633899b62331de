import AIProdMedia
import Foundation
import Testing

@testable import AIProdProviders

/// Files told by their first bytes, made by libav (not typed-in headers), and the text a reply
/// may put into a credit.
@Suite struct MediaSignatureTests {
    @Test func realFilesAreToldByTheirMagicNumber() throws {
        let made: [(String, () throws -> Data)] = [
            ("jpg", { try FakePexelsServer.jpeg(hex: "102030", width: 32, height: 16) }),
            ("png", { try FakePexelsServer.encoded("png") { path in try SyntheticMedia.image("color=c=blue:s=16x16", to: path) } }),
            ("mp4", { try FakePexelsServer.mp4(hex: "405060", width: 64, height: 32, seconds: 0.2) }),
            ("mp3", { try FakeFreesoundServer.mp3(frequency: 440, seconds: 0.3) }),
            ("wav", { try FakeMusicServer.wav(seconds: 0.2, seed: 1) }),
            ("flac", { try MusicHTTPClientTests.audio("flac", "flac", "flac") }),
        ]
        for (expected, make) in made {
            let signature = try #require(MediaSignature(of: try make()), "\(expected)")
            #expect(signature.fileExtension == expected)
        }
        #expect(MediaSignature(of: try FakePexelsServer.jpeg(hex: "000000", width: 8, height: 8))?.isPicture == true)
        if let ogg = try? MusicHTTPClientTests.audio("libvorbis", "ogg", "ogg") {
            #expect(MediaSignature(of: ogg) == .ogg)
        }
    }

    @Test func otherBytesAreNothing() {
        for bytes in [Data(), Data("<html>".utf8), Data("{\"a\": 1}".utf8), Data([0x00, 0x01]), Data("RIFF\u{0}\u{0}\u{0}\u{0}AVI ".utf8)] {
            #expect(MediaSignature(of: bytes) == nil)
        }
    }

    @Test func replyTextIsPrintableAndBounded() {
        #expect(ReplyText.clean("  Jo\u{1B}[31m Doe\n ") == "Jo [31m Doe")
        #expect(ReplyText.clean(String(repeating: "x", count: 10_000))?.count == ReplyText.maxCharacters)
        #expect(ReplyText.clean(" \u{0} ") == nil && ReplyText.clean(nil) == nil)
        #expect(ReplyText.link("https://www.pexels.com/@jo") != nil && ReplyText.link("javascript:alert(1)") == nil)
        #expect(ReplyText.link("https://u:p@x.org/") == nil && ReplyText.link("ftp://x.org/") == nil)
    }
}
