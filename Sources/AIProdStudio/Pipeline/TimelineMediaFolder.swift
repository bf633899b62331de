import AIProdCore
import AIProdMedia
import Foundation

/// Makes a directed timeline self-contained: every file it names is referred to relative to the
/// timeline file, inside its media folder. The user's own pictures, clips and watermark (named on
/// the command line, anywhere on disk) are linked or copied into `OUT.media/assets/`, so the
/// timeline renders with paths confined to its folder (``AssetResolver``) and still re-renders
/// after the folder moves.
struct TimelineMediaFolder {
    let outputs: StudioOutputs

    func localise(_ timeline: Timeline) throws(StudioError) -> Timeline {
        var timeline = timeline
        var imported: [String: String] = [:]
        func fix(_ path: String) throws(StudioError) -> String {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let media = URL(fileURLWithPath: outputs.mediaDirectory).standardizedFileURL.path + "/"
            if absolute.hasPrefix(media) { return outputs.mediaReference + "/" + absolute.dropFirst(media.count) }
            if let done = imported[absolute] { return done }
            let reference = try importAsset(absolute, number: imported.count + 1)
            imported[absolute] = reference
            return reference
        }
        for index in timeline.audio.narration.indices { timeline.audio.narration[index].file = try fix(timeline.audio.narration[index].file) }
        for index in timeline.audio.music.indices { timeline.audio.music[index].file = try fix(timeline.audio.music[index].file) }
        for index in timeline.audio.effects.indices { timeline.audio.effects[index].file = try fix(timeline.audio.effects[index].file) }
        for index in timeline.video.clips.indices {
            switch timeline.video.clips[index].content {
            case .image(var image):
                image.file = try fix(image.file)
                timeline.video.clips[index].content = .image(image)
            case .video(var video):
                video.file = try fix(video.file)
                timeline.video.clips[index].content = .video(video)
            case .color, .gradient:
                break
            }
        }
        if var watermark = timeline.video.watermark {
            watermark.file = try fix(watermark.file)
            timeline.video.watermark = watermark
        }
        return timeline
    }

    /// Links (or, across file systems, copies) one file into `assets/`, numbered so that two
    /// files of the same name from different folders stay apart.
    private func importAsset(_ path: String, number: Int) throws(StudioError) -> String {
        let folder = outputs.mediaDirectory + "/assets"
        let name = String(format: "%03d-", number) + (path as NSString).lastPathComponent
        let destination = folder + "/" + name
        // The file itself, not a symlink to it: linking a symlink copies its (maybe relative)
        // target text, which dangles from `assets/`.
        let source = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A render again to the same output replaces what the last one brought in.
            if (try? FileManager.default.attributesOfItem(atPath: destination)) != nil {
                try FileManager.default.removeItem(atPath: destination)
            }
            do {
                try FileManager.default.linkItem(atPath: source, toPath: destination)
            } catch {
                try FileManager.default.copyItem(atPath: source, toPath: destination)
            }
        } catch {
            throw StudioError(.invalidAsset, "cannot bring \(path) into \(folder): \(error.localizedDescription)")
        }
        return outputs.mediaReference + "/assets/" + name
    }
}
