import AIProdCore
import Foundation
import Testing

@Suite("The [limits] config")
struct LimitsConfigTests {
    @Test("etc/aiprod.ini states every default")
    func shippedFileMatchesDefaults() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../etc/aiprod.ini")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(try Limits(ini: INIFile(parsing: text)) == Limits())
    }

    @Test("keys override defaults")
    func overrides() throws {
        let limits = try Limits(ini: INIFile(parsing: "[limits]\nmax_image_megapixels = 12\nmax_clips = 50\nmax_channels = 2\n"))
        #expect(limits.media.maxImageMegapixels == 12)
        #expect(limits.documents.maxClips == 50)
        #expect(limits.media.maxChannels == 2)
        #expect(limits.media.maxStreams == MediaLimits().maxStreams)
    }

    @Test("values out of range name their key", arguments: [
        ("max_channels = 9", "max_channels"),
        ("max_sample_rate = 1000000", "max_sample_rate"),
        ("max_json_depth = lots", "max_json_depth"),
        ("min_sample_rate = 96000\nmax_sample_rate = 48000", "min_sample_rate"),
    ])
    func refused(line: String, key: String) {
        #expect {
            try Limits(ini: INIFile(parsing: "[limits]\n\(line)\n"))
        } throws: { error in
            (error as? ConfigError)?.key == key && (error as? ConfigError)?.section == "limits"
        }
    }

    @Test("image bounds use checked arithmetic")
    func imageBounds() {
        let limits = MediaLimits()
        #expect(limits.allowsImage(width: 1920, height: 1080))
        #expect(!limits.allowsImage(width: 16_000, height: 16_000))
        #expect(!limits.allowsImage(width: Int.max, height: Int.max))
        #expect(!limits.allowsImage(width: 0, height: 10))
    }

    @Test("media as long as the longest timeline is within the default limits: aiprod reads back what it renders")
    func durationsCoverTimelines() {
        let limits = MediaLimits()
        #expect(Rational(Int64(limits.maxVideoSeconds)) >= TimelineValidator.maxDuration)
        #expect(Rational(Int64(limits.maxAudioSeconds)) >= TimelineValidator.maxDuration)
    }
}
