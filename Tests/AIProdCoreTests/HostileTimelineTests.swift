import AIProdCore
import Foundation
import Testing

/// Numbers, nesting, sizes and counts meant to crash, hang or overflow the decoder: each one
/// must be a ``TimelineError`` with a code and the field it concerns.
@Suite("Hostile timelines")
struct HostileTimelineTests {
    /// The minimal timeline with its clip's duration (`3`) replaced by `value`.
    func minimal(duration value: String = "3", fps: String = "25") -> String {
        TimelineFixtures.minimalJSON
            .replacingOccurrences(of: "\"duration\": 3", with: "\"duration\": \(value)")
            .replacingOccurrences(of: "\"fps\": 25", with: "\"fps\": \(fps)")
    }

    func error(_ json: String, limits: DocumentLimits = DocumentLimits()) -> TimelineError? {
        do {
            _ = try TimelineDecoder(limits: limits).decode(Data(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test("extreme durations are out-of-range field errors", arguments: [
        "\"-9223372036854775808/1\"", "\"9223372036854775807/3\"", "\"9223372036854775807/1\"",
        "\"99999999999999999999/7\"", "\"1/9223372036854775807\"", "1e300", "-1e300", "1e-300", "-5",
        "123456789012345678901234567890",
    ])
    func extremeDuration(value: String) throws {
        let error = try #require(self.error(minimal(duration: value)))
        #expect(error.code == .invalidValue)
        #expect(error.field == "video.clips[0].duration")
    }

    @Test("a float printed by Python or JavaScript for 2.2 decodes to the same schedule as 2.2")
    func floatNoise() throws {
        let noisy = try TimelineDecoder().decode(Data(minimal(duration: "2.1999999999999997").utf8))
        let exact = try TimelineDecoder().decode(Data(minimal(duration: "2.2").utf8))
        #expect(noisy.video.clips[0].duration == Rational(11, 5))
        #expect(TimelineSchedule(noisy) == TimelineSchedule(exact))
        #expect(TimelineSchedule(noisy).totalFrames == 55)
    }

    @Test("frame rates that do not fit libav's Int32 or have a zero denominator name output.fps", arguments: [
        "\"4294967297/1\"", "\"30000/0\"", "\"3000000001/12500001\"", "1e300", "\"-30/1\"", "\"1/9223372036854775807\"",
    ])
    func hostileFps(fps: String) throws {
        let error = try #require(self.error(minimal(fps: fps)))
        #expect(error.code == .invalidValue)
        #expect(error.field == "output.fps")
    }

    @Test("huge or non-time numbers are field errors", arguments: [
        ("\"opacity\": 0.7", "\"opacity\": 1e308", "video.watermark.opacity"),
        ("\"gain_db\": -6", "\"gain_db\": -1e300", "video.clips[3].video.gain_db"),
        ("\"angle\": 45", "\"angle\": 1e300", "video.clips[0].gradient.angle"),
        ("\"amount\": 0.25", "\"amount\": 1e308", "video.clips[1].image.ken_burns.amount"),
        ("\"in_point\": 12.5", "\"in_point\": 1e300", "video.clips[3].video.in_point"),
        ("\"in_point\": 12.5", "\"in_point\": 999999999", "video.clips[3].video.in_point"),
        ("\"depth_db\": 14", "\"depth_db\": 1e300", "audio.music[0].duck.depth_db"),
        ("\"target_lufs\": -16", "\"target_lufs\": -1e300", "output.loudness.target_lufs"),
        ("\"outline\": 3", "\"outline\": 1e300", "subtitles.style.outline"),
        ("\"start\": 3.2", "\"start\": 1e300", "audio.effects[0].start"),
        ("\"end\": 15", "\"end\": \"9223372036854775807/2\"", "audio.music[0].end"),
    ])
    func hugeNumbers(old: String, new: String, field: String) throws {
        let json = TimelineFixtures.fullJSON.replacingOccurrences(of: old, with: new)
        try #require(json != TimelineFixtures.fullJSON)
        let error = try #require(self.error(json))
        #expect(error.code == .invalidValue)
        #expect(error.field == field)
    }

    @Test("integers beyond Int are field errors")
    func hugeIntegers() throws {
        let json = TimelineFixtures.minimalJSON.replacingOccurrences(of: "\"width\": 640", with: "\"width\": 1e300")
        let error = try #require(self.error(json))
        #expect([.invalidValue, .wrongType].contains(error.code))
        #expect(error.field == "output.width")
    }

    @Test("nesting 100,000 deep is refused before parsing, without overflowing the stack")
    func deepNesting() throws {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let json = String(repeating: open, count: 100_000) + "1" + String(repeating: close, count: 100_000)
            let error = try #require(self.error(json))
            #expect(error.code == .invalidJSON)
            #expect(error.field == nil)
            #expect(error.message.contains("max_json_depth"))
        }
    }

    @Test("brackets inside strings do not count as nesting")
    func bracketsInStrings() throws {
        let json = TimelineFixtures.fullJSON.replacingOccurrences(
            of: "Saint-Malo\", \"placement\"", with: "[{[{ \\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\", \"placement\"")
        try #require(json != TimelineFixtures.fullJSON)
        #expect(self.error(json) == nil)
    }

    @Test("a document over max_json_bytes is refused before parsing")
    func oversized() throws {
        var limits = DocumentLimits()
        limits.maxJSONBytes = 1024
        let error = try #require(self.error(TimelineFixtures.fullJSON, limits: limits))
        #expect(error.code == .invalidJSON)
        #expect(error.field == nil)
        #expect(error.message.contains("over the limit of 1024 (max_json_bytes in [limits])"))
        #expect(self.error(TimelineFixtures.minimalJSON, limits: limits) == nil)
    }

    func colorClips(_ count: Int) -> String {
        let clip = "{ \"duration\": 0.04, \"color\": { \"color\": \"#336699\" } }"
        return """
        { "output": { "width": 640, "height": 360, "fps": 25 },
          "video": { "clips": [ \(Array(repeating: clip, count: count).joined(separator: ",")) ] } }
        """
    }

    @Test("more clips than max_clips")
    func tooManyClips() throws {
        #expect(self.error(colorClips(1000)) == nil)
        let error = try #require(self.error(colorClips(1001)))
        #expect(error.code == .invalidValue)
        #expect(error.field == "video.clips")
        #expect(error.description == "video.clips: 1001 clips, over the limit of 1000 (max_clips in [limits])")
    }

    @Test("more cues, text layers or audio tracks than the limits")
    func tooManyOfTheRest() throws {
        var limits = DocumentLimits()
        limits.maxCues = 1
        var error = try #require(self.error(TimelineFixtures.fullJSON, limits: limits))
        #expect(error.field == "subtitles.cues")
        #expect(error.message == "2 cues, over the limit of 1 (max_cues in [limits])")

        limits = DocumentLimits()
        limits.maxTextLayersPerClip = 1
        error = try #require(self.error(TimelineFixtures.fullJSON, limits: limits))
        #expect(error.field == "video.clips[1].text")
        #expect(error.message.contains("2 text layers, over the limit of 1 (max_text_layers_per_clip in [limits])"))

        limits = DocumentLimits()
        limits.maxAudioTracks = 2
        error = try #require(self.error(TimelineFixtures.fullJSON, limits: limits))
        #expect(error.field == "audio")
        #expect(error.message.contains("3 audio tracks"))
        #expect(error.message.contains("max_audio_tracks"))
        #expect(error.code == .invalidValue)

        let layer = "{ \"text\": \"x\" }"
        let seventeen = minimal().replacingOccurrences(
            of: "\"color\": { \"color\": \"#336699\" } }",
            with: "\"color\": { \"color\": \"#336699\" }, \"text\": [\(Array(repeating: layer, count: 17).joined(separator: ","))] }")
        error = try #require(self.error(seventeen))
        #expect(error.field == "video.clips[0].text")
        #expect(error.code == .invalidValue)
    }

    @Test("NUL bytes and absurd lengths in strings that reach the engine", arguments: [
        ("\"Saint-Malo\"", "\"Saint\\u0000Malo\"", "video.clips[1].text[0].text"),
        ("\"logo.png\"", "\"logo\\u0000.png\"", "video.watermark.file"),
        ("\"DejaVu Serif Bold\"", "\"DejaVu\\u0000\"", "video.clips[0].text[0].font"),
        ("\"DejaVu Serif Bold\"", "\"\(String(repeating: "f", count: 5000))\"", "video.clips[0].text[0].font"),
        ("\"voice/intro.wav\"", "\"\(String(repeating: "v", count: 5000))\"", "audio.narration[0].file"),
        ("\"Welcome to Saint-Malo.\"", "\"Hi\\u0000\"", "subtitles.cues[0].text"),
        ("\"Welcome to Saint-Malo.\"", "\"\(String(repeating: "w", count: 1001))\"", "subtitles.cues[0].text"),
        ("\"Saint-Malo\"", "\"e\(String(repeating: "\\u0301", count: 5000))\"", "video.clips[1].text[0].text"),
    ])
    func hostileStrings(old: String, new: String, field: String) throws {
        let json = TimelineFixtures.fullJSON.replacingOccurrences(of: old, with: new)
        try #require(json != TimelineFixtures.fullJSON)
        let error = try #require(self.error(json))
        #expect(error.code == .invalidValue)
        #expect(error.field == field)
    }
}

extension HostileTimelineTests {
    @Test("integer fields with numbers that are not integers of their range name the field", arguments: [
        ("\"width\": 1280", "\"width\": 1e300", "output.width"),
        ("\"width\": 1280", "\"width\": 1280.5", "output.width"),
        ("\"crf\": 20", "\"crf\": 9223372036854775808", "output.encoding.crf"),
        ("\"size\": 72", "\"size\": -1e300", "video.clips[0].text[0].size"),
        ("\"padding\": 20", "\"padding\": 1e20", "video.clips[0].text[0].box.padding"),
        ("\"size\": 40", "\"size\": 4.5", "subtitles.style.size"),
        ("\"version\": 1", "\"version\": 1e300", "version"),
    ])
    func nonIntegers(old: String, new: String, field: String) throws {
        let json = TimelineFixtures.fullJSON.replacingOccurrences(of: old, with: new)
        try #require(json != TimelineFixtures.fullJSON)
        let error = try #require(self.error(json))
        #expect(error.code == .invalidValue)
        #expect(error.field == field)
    }

    @Test("code-built timelines with times out of range are field errors, not traps")
    func codeBuiltExtremes() throws {
        var timeline = TimelineFixtures.valid()
        timeline.video.clips[0].duration = Rational(Int64.max, 3)
        var error = try #require(validationError(timeline))
        #expect(error.field == "video.clips[0].duration")

        timeline = TimelineFixtures.valid()
        timeline.video.clips[1].text[0].fadeIn = Rational(1, Int64.max)
        timeline.video.clips[1].text[0].fadeOut = Rational(1, Int64.max - 1)
        error = try #require(validationError(timeline))
        #expect(error.field == "video.clips[1].text[0].fade_in")

        timeline = TimelineFixtures.valid()
        timeline.output.fps = Rational(Int64(Int32.max) + 2, 8_947_849)
        error = try #require(validationError(timeline))
        #expect(error.field == "output.fps")
    }

    @Test("1000 clips of the largest duration add up without overflow and are refused as too long")
    func sumOfHugeClips() throws {
        var timeline = TimelineFixtures.valid()
        let clip = Clip(duration: Rational(Rational.maxMagnitude), content: .color(ColorCard(color: .black)))
        timeline.video.clips = Array(repeating: clip, count: 1000)
        timeline.output.fps = Rational(240)
        let schedule = try TimelineSchedule(validating: timeline)
        #expect(schedule.totalFrames == 1000 * 240 * Rational.maxMagnitude)
        let error = try #require(validationError(timeline))
        #expect(error.field == "video.clips")
        #expect(error.code == .invalidValue)
    }

    func validationError(_ timeline: Timeline) -> TimelineError? {
        do {
            try TimelineValidator().validate(timeline)
            return nil
        } catch {
            return error
        }
    }
}
