import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// What a job brings in: its pictures (`assets/`), the studio's watermark from elsewhere, and
/// scripts that cannot be planned. Run through the direct stage (no render needed).
@Suite("Stage runner: the job's inputs")
struct StageInputTests {
    @Test("a French script with the job's own picture: matched by keyword, named inside the job")
    func frenchWithAssets() throws {
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        try FileManager.default.createDirectory(atPath: directory.assets, withIntermediateDirectories: true)
        try SyntheticMedia.image("testsrc2=s=640x360", to: directory.path("assets/montagne-neige.jpg"))
        let script = "# La montagne\n\nLa neige tombe sur la montagne et le vent souffle.\n\nLe soir, un feu crépite dans le refuge."
        try PipelineFixture.runner().run(spec: PipelineFixture.spec(script), in: directory, context: PipelineFixture.context(), through: .direct)
        #expect(try PipelineFixture.decode(Plan.self, directory.plan).language == .french)
        let timeline = try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
        guard case .image(let image) = timeline.video.clips[0].content else {
            Issue.record("the first scene should show the matched picture, got \(timeline.video.clips[0].content)")
            return
        }
        #expect(image.file == "assets/montagne-neige.jpg" && image.kenBurns != nil)
    }

    @Test("the configured watermark, from outside, comes into media/imported/; the timeline names only the job's files")
    func watermarkFromElsewhere() throws {
        let scratch = ScratchDirectory(), elsewhere = ScratchDirectory("elsewhere")
        try SyntheticMedia.image("testsrc2=s=64x64,format=rgba", to: elsewhere.file("logo.png"))
        try FileManager.default.createSymbolicLink(atPath: elsewhere.file("link.png"), withDestinationPath: "logo.png")
        var runner = try PipelineFixture.runner()
        runner.settings.watermark = elsewhere.file("link.png")
        let directory = PipelineFixture.directory(scratch)
        try runner.run(spec: PipelineFixture.spec(), in: directory, context: PipelineFixture.context(), through: .direct)
        let timeline = try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
        #expect(timeline.video.watermark?.file == "media/imported/watermark.png")
        #expect(TimelineFiles.all(timeline).allSatisfy { !$0.hasPrefix("/") && !$0.contains("..") })
        #expect(try #require(directory.finishedManifest(.direct)).files.map(\.path).contains("media/imported/watermark.png"))
        // The file itself, not the link (whose relative target would dangle in the job).
        var info = stat()
        #expect(lstat(directory.path("media/imported/watermark.png"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    @Test("scripts that cannot be planned fail in plan, the caller's fault, naming the field, leaving no plan",
          arguments: ["", "   \n\t ", "?! … -- ..."])
    func badScript(_ script: String) throws {
        let scratch = ScratchDirectory("bad-script-\(script.count)")
        let directory = PipelineFixture.directory(scratch)
        do {
            try PipelineFixture.runner().run(spec: PipelineFixture.spec(script), in: directory, context: PipelineFixture.context(), through: .plan)
            Issue.record("\"\(script)\" was planned")
        } catch {
            #expect(error.errorCode == "empty_script" && error.category == .caller && error.stage == .plan && error.errorField == "script", "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.plan) && !FileManager.default.fileExists(atPath: directory.manifest(.plan)))
    }

    @Test("a script over the configured length is refused")
    func tooLong() throws {
        var config = StudioConfig()
        config.maxScriptCharacters = 20
        do {
            try PipelineFixture.runner(config).run(spec: PipelineFixture.spec(), in: PipelineFixture.directory(ScratchDirectory()),
                                                   context: PipelineFixture.context(), through: .plan)
            Issue.record("an over-long script was accepted")
        } catch {
            #expect(error.errorCode == "script_too_long" && error.errorMessage.contains("20") && error.category == .caller)
        }
    }

    @Test("a missing soundfont is refused when the runner is made, before any job")
    func missingSoundfont() {
        var config = StudioConfig()
        config.soundfont = "/nowhere/missing.sf2"
        do {
            _ = try StudioFactory.runner(studio: config)
            Issue.record("a missing soundfont was accepted")
        } catch {
            #expect(error.errorCode == "soundfont_missing" && error.errorMessage.contains("missing.sf2"))
        }
    }
}
