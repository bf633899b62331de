import AIProdCore
import CFFmpeg

/// Opens every file a timeline names before anything is rendered, so a missing, unreadable or
/// non-media file (or a font that is not installed) fails fast with the JSON field it came from.
struct Preflight {
    let timeline: Timeline
    let resolver: AssetResolver
    var fonts: FontResolver = .shared

    func check() throws(MediaError) {
        for (index, clip) in timeline.video.clips.enumerated() {
            let field = "video.clips[\(index)]"
            switch clip.content {
            case .image(let image):
                try requirePicture(image.file, field: "\(field).image.file")
            case .video(let video):
                let input = try require(video.file, field: "\(field).video.file", stream: AVMEDIA_TYPE_VIDEO, what: "a video")
                if let duration = input.duration, video.inPoint.doubleValue >= duration {
                    throw MediaError(.invalidTimeline, file: input.path,
                                     "\(field).video.in_point: \(video.inPoint.doubleValue) s is past the end of the file (\(String(format: "%.3f", duration)) s)")
                }
            case .color, .gradient:
                break
            }
            for (layerIndex, layer) in clip.text.enumerated() {
                try font(layer.font, field: "\(field).text[\(layerIndex)].font")
            }
        }
        if let watermark = timeline.video.watermark {
            try requirePicture(watermark.file, field: "video.watermark.file")
        }
        let audio = timeline.audio
        for (index, track) in audio.narration.enumerated() {
            try require(track.file, field: "audio.narration[\(index)].file", stream: AVMEDIA_TYPE_AUDIO, what: "audio")
        }
        for (index, track) in audio.music.enumerated() {
            try require(track.file, field: "audio.music[\(index)].file", stream: AVMEDIA_TYPE_AUDIO, what: "audio")
        }
        for (index, track) in audio.effects.enumerated() {
            try require(track.file, field: "audio.effects[\(index)].file", stream: AVMEDIA_TYPE_AUDIO, what: "audio")
        }
        if let subtitles = timeline.subtitles, subtitles.burnIn, !subtitles.cues.isEmpty {
            try font(subtitles.style.font, field: "subtitles.style.font")
        }
    }

    @discardableResult
    private func require(_ file: String, field: String, stream: AVMediaType, what: String) throws(MediaError) -> InputFile {
        let path = try resolver.path(file, field: field)
        let input: InputFile
        do {
            input = try InputFile(path: path, limits: resolver.limits)
        } catch {
            throw MediaError(error.code, file: path, "\(field): \(error.message)")
        }
        guard input.bestStream(stream) != nil else {
            throw MediaError(.noStream, file: path, "\(field): is not \(what): it has no \(stream == AVMEDIA_TYPE_AUDIO ? "audio" : "picture")")
        }
        return input
    }

    /// An image must also decode: a text file named `.jpg` opens (by its extension) but holds no picture.
    private func requirePicture(_ file: String, field: String) throws(MediaError) {
        let input = try require(file, field: field, stream: AVMEDIA_TYPE_VIDEO, what: "an image")
        do {
            _ = try StillImage.decode(path: input.path, limits: resolver.limits)
        } catch {
            throw MediaError(error.code == .overLimit ? .overLimit : .notMedia, file: input.path, "\(field): \(error.message)")
        }
    }

    private func font(_ name: String, field: String) throws(MediaError) {
        do {
            _ = try fonts.resolve(name, from: resolver, field: field)
        } catch where error.code == .pathNotAllowed {
            throw error
        } catch {
            throw MediaError(.fontNotFound, file: error.file, "\(field): \(error.message)")
        }
    }
}
