import AIProdCore
@testable import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// A timeline's media paths stay inside its folder unless the user allowed otherwise.
@Suite("Paths confined to the timeline's folder")
struct PathConfinementTests {
    @Test("relative paths inside resolve; absolute, .. and symlinks out are refused naming the field")
    func resolver() throws {
        let base = ScratchDirectory("base"), outside = ScratchDirectory("outside")
        base.makeDirectory("media")
        let secret = try TestMedia.tone(in: outside, name: "secret.wav", seconds: 0.2)
        try FileManager.default.createSymbolicLink(atPath: base.file("media/link.wav"), withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: base.file("out"), withDestinationPath: outside.path)
        _ = try TestMedia.tone(in: base, name: "media/inside.wav", seconds: 0.2)
        try FileManager.default.createSymbolicLink(atPath: base.file("media/alias.wav"), withDestinationPath: base.file("media/inside.wav"))
        let resolver = AssetResolver(baseDirectory: base.path)

        #expect(try resolver.path("media/inside.wav", field: "f") == base.file("media/inside.wav"))
        #expect(try resolver.path("media/../media/inside.wav", field: "f") == base.file("media/inside.wav"))
        #expect(try resolver.path(base.file("media/inside.wav"), field: "f") == base.file("media/inside.wav"))
        #expect(try resolver.path("media/alias.wav", field: "f") == base.file("media/alias.wav"))
        for file in [secret, "../" + (outside.path as NSString).lastPathComponent + "/secret.wav", "media/link.wav", "out/secret.wav",
                     "/etc/passwd", "media/../../x.wav"] {
            let error = try #require(throws: MediaError.self) { try resolver.path(file, field: "audio.music[3].file") }
            #expect(error.code == .pathNotAllowed && error.message.hasPrefix("audio.music[3].file: "), "\(file): \(error)")
        }
        #expect(try AssetResolver(baseDirectory: base.path, reach: .anywhere).path(secret, field: "f") == secret)
        #expect(try AssetResolver(baseDirectory: base.path, extraRoots: [outside.path]).path(secret, field: "f") == secret)
        #expect(try AssetResolver(baseDirectory: base.path, extraRoots: [outside.path]).path("media/link.wav", field: "f") == base.file("media/link.wav"))
    }

    @Test("a render naming a file outside the folder fails with path_not_allowed and the field")
    func render() throws {
        let directory = ScratchDirectory(), outside = ScratchDirectory("outside")
        let still = try TestMedia.image(in: outside, size: "320x180")
        let voice = try TestMedia.tone(in: outside, name: "voice.wav", seconds: 0.5)
        try FileManager.default.createSymbolicLink(atPath: directory.file("still.jpg"), withDestinationPath: still)
        let card = TestRender.card(Rational(1))
        let cases: [(Timeline, String)] = [
            (BadMediaInputTests.timeline([BadMediaInputTests.image(still)]), "video.clips[0].image.file"),
            (BadMediaInputTests.timeline([BadMediaInputTests.image("still.jpg")]), "video.clips[0].image.file"),
            (BadMediaInputTests.timeline([card], watermark: Watermark(file: still)), "video.watermark.file"),
            (BadMediaInputTests.timeline([card, Clip(duration: Rational(1), content: .video(VideoClip(file: "../x/clip.mp4")))]), "video.clips[1].video.file"),
            (BadMediaInputTests.timeline([card], audio: AudioTracks(narration: [NarrationTrack(file: voice)])), "audio.narration[0].file"),
            (BadMediaInputTests.timeline([card], audio: AudioTracks(music: [MusicTrack(file: voice)])), "audio.music[0].file"),
            (BadMediaInputTests.timeline([card], audio: AudioTracks(effects: [EffectTrack(file: voice, start: Rational(0))])), "audio.effects[0].file"),
        ]
        for (timeline, field) in cases {
            BadMediaInputTests.expectFailure(timeline, in: directory, code: .pathNotAllowed, mentions: [field])
        }
    }

    @Test("fonts: a text file named .ttf is refused, by path and from the index; real fonts pass")
    func fonts() throws {
        let directory = ScratchDirectory()
        let fake = directory.write("not a font at all\n", to: "fonts/Fake-Regular.ttf")
        let error = try #require(throws: MediaError.self) { try FontResolver.shared.resolve(fake) }
        #expect(error.code == .fontNotFound && error.message.contains("not a font file"), "\(error)")
        let indexed = FontResolver(directories: [directory.file("fonts")])
        let fromIndex = try #require(throws: MediaError.self) { try indexed.resolve("Fake") }
        #expect(fromIndex.code == .fontNotFound && fromIndex.file == fake, "\(fromIndex)")
        let real = try FontResolver.shared.resolve("DejaVu Sans")
        #expect(try FontResolver.shared.resolve(real) == real)
        // Through a render: the text layer's field is named.
        var clip = TestRender.card(Rational(1))
        clip.text = [TextLayer(text: "Hi", font: fake)]
        BadMediaInputTests.expectFailure(BadMediaInputTests.timeline([clip]), in: directory, code: .fontNotFound,
                                         mentions: ["video.clips[0].text[0].font", "not a font file"])
    }

    @Test("a font given as a path resolves like media: outside the timeline's folder it is refused, naming the field")
    func fontPathsConfined() throws {
        let directory = ScratchDirectory()
        let system = try FontResolver.shared.resolve("DejaVu Sans")
        var clip = TestRender.card(Rational(1))
        clip.text = [TextLayer(text: "Hi", font: system)]
        BadMediaInputTests.expectFailure(BadMediaInputTests.timeline([clip]), in: directory, code: .pathNotAllowed,
                                         mentions: ["video.clips[0].text[0].font"])
        let subtitles = Subtitles(cues: [SubtitleCue(start: Rational(0), end: Rational(1), text: "Hi")],
                                  style: SubtitleStyle(font: "../fonts/DejaVuSans.ttf"))
        BadMediaInputTests.expectFailure(BadMediaInputTests.timeline([TestRender.card(Rational(1))], subtitles: subtitles),
                                         in: directory, code: .pathNotAllowed, mentions: ["subtitles.style.font"])
        // A copy inside the folder, named relatively, is a font like any other.
        try FileManager.default.copyItem(atPath: system, toPath: directory.file("Mine.ttf"))
        let resolved = try FontResolver.shared.resolve("./Mine.ttf",
                                                       from: AssetResolver(baseDirectory: directory.path), field: "f")
        #expect(resolved == directory.file("Mine.ttf"))
    }

    @Test("a symlink out, at the end of a path longer than Foundation resolves (1 KB), is still refused")
    func longPathSymlink() throws {
        let base = ScratchDirectory("base"), outside = ScratchDirectory("outside")
        let secret = try TestMedia.tone(in: outside, name: "secret.wav", seconds: 0.2)
        let deep = (0..<8).map { String(repeating: "d\($0)", count: 80) }.joined(separator: "/")
        try FileManager.default.createDirectory(atPath: base.file(deep), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base.file(deep + "/x.wav"), withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: base.file(deep + "/gone.wav"), withDestinationPath: outside.file("not-yet.wav"))
        #expect(base.file(deep + "/x.wav").utf8.count > 1026)
        let resolver = AssetResolver(baseDirectory: base.path)
        let error = try #require(throws: MediaError.self) { try resolver.path(deep + "/x.wav", field: "audio.music[0].file") }
        #expect(error.code == .pathNotAllowed, "\(error)")
        let dangling = try #require(throws: MediaError.self) { try resolver.path(deep + "/gone.wav", field: "audio.music[0].file") }
        #expect(dangling.code == .fileNotFound || dangling.code == .pathNotAllowed, "\(dangling)")
    }

    @Test("filter-graph escaping works on scalars: a quote or colon fused with a combining mark is escaped too")
    func escapingByScalar() {
        let fused = "a'\u{301}b:\u{301}c"
        let escaped = FilterEscaping.value(fused)
        for scalar in escaped.unicodeScalars.indices where ["'", ":"].contains(escaped.unicodeScalars[scalar]) {
            #expect(escaped.unicodeScalars[escaped.unicodeScalars.index(before: scalar)] == "\\", "\(escaped)")
        }
        #expect(FilterEscaping.value("a:b") == "a\\\\:b")
    }
}
