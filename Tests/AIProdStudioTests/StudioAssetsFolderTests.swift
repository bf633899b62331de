import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// A script render with the user's own pictures and watermark from folders elsewhere: the written
/// timeline names only files inside its own folder, so it renders (and re-renders) confined.
@Suite("Script render: the user's assets come into the timeline's folder")
struct StudioAssetsFolderTests {
    @Test("assets (a relative symlink among them) and watermark from outside come into OUT.media/assets; the timeline re-renders confined")
    func assetsFromElsewhere() throws {
        let directory = ScratchDirectory(), elsewhere = ScratchDirectory("elsewhere")
        let assets = elsewhere.file("assets")
        try FileManager.default.createDirectory(atPath: assets, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere.file("media"), withIntermediateDirectories: true)
        // The picture is a relative symlink, as in docs/examples/assets: what comes into the job
        // must be the file, not a copy of the link (which would dangle there).
        try SyntheticMedia.image("testsrc2=s=640x360", to: elsewhere.file("media/boats.jpg"))
        try FileManager.default.createSymbolicLink(atPath: "\(assets)/harbour-boats.jpg", withDestinationPath: "../media/boats.jpg")
        try SyntheticMedia.image("testsrc2=s=64x64,format=rgba", to: elsewhere.file("logo.png"))
        let script = "# Boats\n\nThe boats rest in the harbour."
        let job = ScriptJob(preset: StudioPipelineTests.preset, assetsDirectory: assets, watermark: elsewhere.file("logo.png"))
        let result = try StudioPipelineTests.pipeline().run(script: script, job: job, output: directory.file("a.mp4"))

        let data = try #require(FileManager.default.contents(atPath: result.outputs.timeline))
        let timeline = try TimelineDecoder().decode(data)
        var files = timeline.audio.narration.map(\.file) + timeline.audio.music.map(\.file) + timeline.audio.effects.map(\.file)
        for clip in timeline.video.clips {
            if case .image(let image) = clip.content { files.append(image.file) }
            if case .video(let video) = clip.content { files.append(video.file) }
        }
        files += [try #require(timeline.video.watermark).file]
        #expect(files.allSatisfy { $0.hasPrefix("a.media/") }, "\(files)")
        #expect(files.contains("a.media/assets/001-harbour-boats.jpg") || files.contains { $0.hasSuffix("-harbour-boats.jpg") }, "\(files)")
        #expect(files.contains { $0.hasSuffix("-logo.png") }, "\(files)")
        let again = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: directory.file("b.mp4"))
        #expect(again.frames == result.render.frames)
        // The same render again, to the same output, replaces what the first brought in.
        // (espeak-ng is not sample-exact from run to run, so the length may move by a frame.)
        let second = try StudioPipelineTests.pipeline().run(script: script, job: job, output: directory.file("a.mp4"))
        #expect(second.render.frames > 0 && FileManager.default.fileExists(atPath: second.outputs.video))
        let imported = try FileManager.default.contentsOfDirectory(atPath: directory.file("a.media/assets"))
        #expect(imported.count == 2 && imported.contains { $0.hasSuffix("-harbour-boats.jpg") }, "\(imported)")
        // The user's files are untouched.
        #expect(FileManager.default.fileExists(atPath: "\(assets)/harbour-boats.jpg") && FileManager.default.fileExists(atPath: elsewhere.file("logo.png")))
    }
}
