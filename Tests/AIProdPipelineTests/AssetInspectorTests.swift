import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdTestSupport
import Foundation
import Testing

@Suite("Asset inspector: the kind is found by probing, not by name")
struct AssetInspectorTests {
    @Test("an image, a video and a sound, whatever their names")
    func kinds() throws {
        let scratch = ScratchDirectory()
        try SyntheticMedia.image("testsrc2=s=64x36", to: scratch.file("picture.png"))
        try FileManager.default.moveItem(atPath: scratch.file("picture.png"), toPath: scratch.file("picture.bin"))
        try SyntheticMedia().write(video: "testsrc2=s=64x36:r=25:d=1", audio: "sine=f=440:d=1", to: scratch.file("clip.mp4"))
        try SyntheticMedia(audioCodec: "pcm_s16le", container: "wav").write(audio: "sine=f=440:d=1", to: scratch.file("tone.jpg"))
        let inspector = MediaAssetInspector()
        #expect(try inspector.inspect(file: scratch.file("picture.bin"), limits: Limits()) == .image)
        #expect(try inspector.inspect(file: scratch.file("clip.mp4"), limits: Limits()) == .video)
        #expect(try inspector.inspect(file: scratch.file("tone.jpg"), limits: Limits()) == .audio)
    }

    @Test("not media: unsupported_media, the caller's fault", arguments: ["text", "playlist", "empty"])
    func notMedia(_ kind: String) throws {
        let scratch = ScratchDirectory("not-media-\(kind)")
        let path: String = switch kind {
        case "text": scratch.write("just some words, not a picture", to: "notes.jpg")
        case "playlist": HostileFiles.playlist(in: scratch, entries: ["/etc/passwd"])
        default: scratch.write("", to: "empty.png")
        }
        do {
            let kind = try MediaAssetInspector().inspect(file: path, limits: Limits())
            Issue.record("\(path) was taken for \(kind)")
        } catch {
            #expect(error.errorCode == "unsupported_media" && error.category == .caller, "\(error)")
        }
    }
}
