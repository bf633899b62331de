import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

@Suite("Stage runner: a timeline job")
struct TimelineJobTests {
    static func timeline(image: String) -> Timeline {
        Timeline(
            output: OutputSettings(width: 160, height: 90, fps: Rational(25), encoding: EncodingSettings(preset: "ultrafast")),
            video: VideoTrack(clips: [
                Clip(duration: Rational(2), content: .image(ImageClip(file: image))),
                Clip(duration: Rational(1), content: .color(ColorCard(color: RGBAColor(red: 200, green: 80, blue: 40)))),
            ]))
    }

    @Test("the timeline's asset ids resolve to the job's assets/; it renders and publishes")
    func rendersWithAssets() throws {
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        let id = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: directory.assets, withIntermediateDirectories: true)
        try SyntheticMedia.image("testsrc2=s=320x180", to: directory.path("assets/\(id).png"))
        try FileManager.default.moveItem(atPath: directory.path("assets/\(id).png"), toPath: directory.path("assets/\(id)"))
        let log = StageLog()
        let result = try PipelineFixture.runner().run(spec: JobSpec(timeline: Self.timeline(image: id)), in: directory,
                                                      context: PipelineFixture.context(), onStage: log.record)
        #expect(log.ran == StageName.allCases)
        #expect(abs(result.duration - 3) < 1e-9)
        let written = try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
        #expect(TimelineFiles.all(written) == ["assets/\(id)"])
        #expect(!FileManager.default.fileExists(atPath: directory.plan))
        #expect(FileManager.default.fileExists(atPath: directory.video) && FileManager.default.fileExists(atPath: directory.qa))
    }

    @Test("a timeline naming a file outside the job folder is refused, the caller's fault", arguments: ["../../../etc/passwd", "/etc/hostname"])
    func confined(_ file: String) throws {
        let scratch = ScratchDirectory("confined-\(file.count)")
        let directory = PipelineFixture.directory(scratch)
        do {
            _ = try PipelineFixture.runner().run(spec: JobSpec(timeline: Self.timeline(image: file)), in: directory, context: PipelineFixture.context())
            Issue.record("\(file) was rendered")
        } catch {
            #expect(error.stage == .render && error.category == .caller && error.errorCode == "path_not_allowed", "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.video))
    }

    @Test("an invalid timeline fails in direct with the field named")
    func invalid() throws {
        let scratch = ScratchDirectory()
        var timeline = Self.timeline(image: "x")
        timeline.output.width = 161
        do {
            _ = try PipelineFixture.runner().run(spec: JobSpec(timeline: timeline), in: PipelineFixture.directory(scratch), context: PipelineFixture.context())
            Issue.record("an odd width was accepted")
        } catch {
            #expect(error.stage == .direct && error.category == .caller && error.errorField == "output.width", "\(error)")
        }
    }
}
