import AIProdCore
import Foundation
import Testing

@Suite("TimelineDecoder")
struct TimelineDecoderTests {
    /// The full fixture with one exact, unique piece of text replaced.
    func fullJSON(replacing old: String, with new: String) throws -> String {
        let json = TimelineFixtures.fullJSON
        try #require(json.components(separatedBy: old).count == 2, "fixture must contain \(old) exactly once")
        return json.replacingOccurrences(of: old, with: new)
    }

    /// The error decoding `json` throws, or nil when it decodes.
    func decodingError(_ json: String) -> TimelineError? {
        do {
            _ = try TimelineDecoder().decode(TimelineFixtures.data(json))
            return nil
        } catch {
            return error
        }
    }

    @Test("decodes a timeline with every kind of clip, layer and track")
    func decodesFullTimeline() throws {
        let timeline = try TimelineDecoder().decode(TimelineFixtures.data(TimelineFixtures.fullJSON))

        #expect(timeline.version == 1)
        #expect(timeline.output.width == 1280)
        #expect(timeline.output.fps == Rational(30000, 1001))
        #expect(timeline.output.background == RGBAColor(red: 0x10, green: 0x18, blue: 0x20))
        #expect(timeline.output.encoding == EncodingSettings(crf: 20, preset: "medium", audioBitrateKbps: 192))
        #expect(timeline.output.loudness == LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5))

        let clips = timeline.video.clips
        try #require(clips.count == 5)
        #expect(clips[0].duration == Rational(12, 5))
        #expect(clips[0].content == .gradient(GradientCard(
            from: .black, to: RGBAColor(red: 0x20, green: 0x30, blue: 0x40, alpha: 0xCC), angle: 45, motion: true)))
        #expect(clips[0].text == [TextLayer(
            text: "Chapter One\nThe Harbour", placement: .title, font: "DejaVu Serif Bold", size: 72, color: .white,
            box: TextBox(color: RGBAColor(red: 0, green: 0, blue: 0, alpha: 0x8C), padding: 20),
            start: Rational(1, 5), end: Rational(2), fadeIn: Rational(3, 10), fadeOut: Rational(3, 10))])
        #expect(clips[0].transition == nil)

        #expect(clips[1].content == .image(ImageClip(
            file: "images/harbour.jpg", fit: .contain,
            kenBurns: KenBurns(zoom: .in, amount: 0.25, pan: .upLeft, easing: .easeInOut))))
        #expect(clips[1].text.map(\.placement) == [.lowerThird, .free])
        #expect(clips[1].text[1].x == 0.8)
        #expect(clips[1].text[1].y == 0.9)
        #expect(clips[1].transition == Transition(kind: .dissolve, duration: Rational(1, 2)))

        #expect(clips[2].duration == Rational(7, 2))
        #expect(clips[2].content == .image(ImageClip(
            file: "/srv/media/map.png",
            kenBurns: KenBurns(
                from: NormalizedRect(x: 0, y: 0, w: 1, h: 1), to: NormalizedRect(x: 0.25, y: 0.25, w: 0.5, h: 0.5)))))
        #expect(clips[2].transition == Transition(kind: .wipeLeft, duration: Rational(1, 2)))

        #expect(clips[3].content == .video(VideoClip(
            file: "clips/boat.mp4", inPoint: Rational(25, 2), outPoint: Rational(18), audio: true, gainDb: -6, fit: .cover)))
        #expect(clips[3].transition?.kind == .fadeBlack)
        #expect(clips[4].content == .color(ColorCard(color: .black)))
        #expect(clips[4].transition == Transition(kind: .fade, duration: Rational(3, 4)))

        #expect(timeline.video.watermark == Watermark(
            file: "logo.png", corner: .topRight, scale: 0.1, opacity: 0.7, margin: 0.05))

        #expect(timeline.audio.narration == [NarrationTrack(file: "voice/intro.wav", start: Rational(1, 2), gainDb: 1.5)])
        #expect(timeline.audio.music == [MusicTrack(
            file: "music/bed.ogg", start: .zero, end: Rational(15), gainDb: -8, fadeIn: Rational(1), fadeOut: Rational(2),
            loop: true, duck: Ducking(depthDb: 14, attack: Rational(1, 4), release: Rational(3, 5)))])
        #expect(timeline.audio.effects == [EffectTrack(file: "sfx/gull.wav", start: Rational(16, 5), gainDb: -3)])

        let subtitles = try #require(timeline.subtitles)
        #expect(subtitles.burnIn)
        #expect(subtitles.cues == [
            SubtitleCue(start: Rational(1, 2), end: Rational(9, 4), text: "Welcome to Saint-Malo."),
            SubtitleCue(start: Rational(9, 4), end: Rational(5), text: "The tide here\nrises twelve metres."),
        ])
        #expect(subtitles.style == SubtitleStyle(
            font: "DejaVu Sans", size: 40, color: RGBAColor(red: 255, green: 255, blue: 0), outlineColor: .black,
            outline: 3, position: .bottom, margin: 0.08))
    }

    @Test("re-encodes and decodes to an equal value", arguments: [TimelineFixtures.fullJSON, TimelineFixtures.minimalJSON])
    func roundTrips(json: String) throws {
        let decoder = TimelineDecoder()
        let timeline = try decoder.decode(TimelineFixtures.data(json))
        let encoded = try JSONCoding.encoder.encode(timeline)
        #expect(try decoder.decode(encoded) == timeline)
    }

    @Test("the Swift fixture survives encoding and strict decoding")
    func swiftValueRoundTrips() throws {
        let timeline = TimelineFixtures.valid()
        let encoded = try JSONCoding.encoder.encode(timeline)
        #expect(try TimelineDecoder().decode(encoded) == timeline)
    }

    @Test("fills in documented defaults")
    func defaults() throws {
        let timeline = try TimelineDecoder().decode(TimelineFixtures.data(TimelineFixtures.minimalJSON))
        #expect(timeline.version == 1)
        #expect(timeline.output.loudness == LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5))
        #expect(timeline.output.encoding == EncodingSettings(crf: 21, preset: "veryfast", audioBitrateKbps: 160))
        #expect(timeline.output.background == .black)
        #expect(timeline.audio == AudioTracks())
        #expect(timeline.subtitles == nil)
        #expect(timeline.video.watermark == nil)
        #expect(timeline.video.clips[0].text.isEmpty)
    }

    @Test("accepts explicit nulls and empty lists for optional fields")
    func nullsAndEmptyLists() throws {
        let json = """
        {
          "version": 1,
          "output": { "width": 640, "height": 360, "fps": 25, "loudness": null },
          "video": {
            "clips": [ { "duration": 3, "color": { "color": "#336699" }, "text": [], "transition": null } ],
            "watermark": null
          },
          "audio": { "narration": [], "music": [], "effects": [] },
          "subtitles": null
        }
        """
        let timeline = try TimelineDecoder().decode(TimelineFixtures.data(json))
        #expect(timeline.video.clips[0].text.isEmpty)
        #expect(timeline.output.loudness == LoudnessTarget())
    }

    @Test("rejects an unknown field at the top level")
    func unknownTopLevelField() {
        let json = TimelineFixtures.minimalJSON.replacingOccurrences(of: "\"output\"", with: "\"extra\": 1, \"output\"")
        let error = decodingError(json)
        #expect(error?.code == .unknownField)
        #expect(error?.field == "extra")
    }

    @Test("rejects an unknown field deep inside, naming its exact path")
    func unknownDeepField() throws {
        let json = try fullJSON(replacing: #""ken_burns": { "zoom": "in""#, with: #""ken_burns": { "zooom": "in""#)
        let error = decodingError(json)
        #expect(error?.code == .unknownField)
        #expect(error?.field == "video.clips[1].image.ken_burns.zooom")
    }

    @Test("rejects a camelCase spelling of a snake_case field")
    func camelCaseKey() throws {
        let json = try fullJSON(replacing: #""gain_db": -8"#, with: #""gainDb": -8"#)
        let error = decodingError(json)
        #expect(error?.code == .unknownField)
        #expect(error?.field == "audio.music[0].gainDb")
    }

    @Test("rejects a value of the wrong type, naming the field")
    func wrongType() throws {
        let json = try fullJSON(replacing: #""width": 1280"#, with: #""width": "1280""#)
        let error = decodingError(json)
        #expect(error?.code == .wrongType)
        #expect(error?.field == "output.width")
    }

    @Test("rejects a missing required field, naming it")
    func missingField() throws {
        let json = try fullJSON(replacing: #""fps": "30000/1001","#, with: "")
        let error = decodingError(json)
        #expect(error?.code == .missingField)
        #expect(error?.field == "output.fps")
    }

    @Test("rejects a clip without a duration, naming the clip")
    func missingDuration() throws {
        let json = try fullJSON(replacing: #""duration": 5,"#, with: "")
        let error = decodingError(json)
        #expect(error?.code == .missingField)
        #expect(error?.field == "video.clips[1].duration")
    }

    @Test("rejects text that is not JSON", arguments: ["{", "", "{\"output\": }", "not json"])
    func invalidJSON(json: String) {
        let error = decodingError(json)
        #expect(error?.code == .invalidJSON)
        #expect(error?.field == nil)
    }

    @Test("rejects a document that is not an object, without naming a field", arguments: ["[]", "\"timeline\"", "42", "null"])
    func notAnObject(json: String) {
        let error = decodingError(json)
        #expect(error?.code == .wrongType)
        #expect(error?.field == nil)
    }

    @Test("rejects a section of the wrong type, naming it")
    func sectionOfWrongType() {
        let error = decodingError(#"{"output": 1, "video": {"clips": []}}"#)
        #expect(error?.code == .wrongType)
        #expect(error?.field == "output")
    }

    @Test("rejects null in a required field")
    func nullRequired() throws {
        let json = try fullJSON(replacing: #""height": 720"#, with: #""height": null"#)
        let error = decodingError(json)
        #expect(error?.code == .wrongType)
        #expect(error?.field == "output.height")
    }

    @Test("the example in docs/TIMELINE.md decodes and lasts 10 s")
    func documentedExample() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/TIMELINE.md")
        let markdown = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(markdown.range(of: "```json\n"))
        let end = try #require(markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex))
        let timeline = try TimelineDecoder().decode(Data(markdown[start.upperBound..<end.lowerBound].utf8))
        #expect(TimelineSchedule(timeline).duration == Rational(10))
        #expect(timeline.video.clips.count == 2)
    }

    @Test("rejects a clip that shows nothing")
    func clipWithoutContent() throws {
        let json = try fullJSON(replacing: ##""color": { "color": "#000000" },"##, with: "")
        let error = decodingError(json)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "video.clips[4]")
    }

    @Test("rejects a clip that shows two things")
    func clipWithTwoContents() throws {
        let json = try fullJSON(
            replacing: ##""color": { "color": "#000000" },"##,
            with: ##""color": { "color": "#000000" }, "image": { "file": "x.png" },"##)
        let error = decodingError(json)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "video.clips[4]")
    }

    @Test("rejects a colour that is not #RRGGBB(AA), naming the field", arguments: [
        ("\"#101820\"", "\"#10182\""), ("\"#101820\"", "\"red\""), ("\"#101820\"", "\"#GG1820\""),
    ])
    func badColor(old: String, new: String) throws {
        let json = try fullJSON(replacing: #""background": \#(old)"#, with: #""background": \#(new)"#)
        let error = decodingError(json)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "output.background")
    }

    @Test("reads colours with or without #, in either case, with optional alpha")
    func colours() throws {
        let json = try fullJSON(replacing: ##""background": "#101820""##, with: ##""background": "ff8000cc""##)
        let timeline = try TimelineDecoder().decode(TimelineFixtures.data(json))
        #expect(timeline.output.background == RGBAColor(red: 0xFF, green: 0x80, blue: 0x00, alpha: 0xCC))
        #expect(timeline.output.background.description == "#FF8000CC")
        #expect(RGBAColor(hex: "#336699") == RGBAColor(red: 0x33, green: 0x66, blue: 0x99, alpha: 0xFF))
    }

    @Test("rejects an unknown transition kind, naming the field")
    func unknownTransitionKind() throws {
        let json = try fullJSON(replacing: #""kind": "dissolve""#, with: #""kind": "spin""#)
        let error = decodingError(json)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "video.clips[1].transition.kind")
    }

    @Test("rejects a time that is not a number or \"N/D\", naming the field")
    func badTime() throws {
        let json = try fullJSON(replacing: #""duration": "7/2""#, with: #""duration": "3.5s""#)
        let error = decodingError(json)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "video.clips[2].duration")
    }

    @Test("validates after decoding")
    func validates() throws {
        let json = try fullJSON(replacing: #""width": 1280"#, with: #""width": 1281"#)
        let error = decodingError(json)
        #expect(error?.code == .invalidValue)
        #expect(error?.field == "output.width")
        #expect(error?.description.hasPrefix("output.width: ") == true)
    }

    @Test("decodeStrict decodes a part of a timeline without validating it")
    func decodeStrictPart() throws {
        let clip = try TimelineDecoder().decodeStrict(
            Clip.self, from: TimelineFixtures.data(##"{"duration": 0, "color": {"color": "#FFFFFF"}}"##))
        #expect(clip == Clip(duration: .zero, content: .color(ColorCard(color: .white))))
        #expect(throws: TimelineError(.unknownField, field: "colour", "unknown field")) {
            try TimelineDecoder().decodeStrict(
                Clip.self, from: TimelineFixtures.data(##"{"duration": 1, "color": {"color": "#FFFFFF"}, "colour": 1}"##))
        }
    }
}
