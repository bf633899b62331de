import AIProdCore

/// The media files a Timeline names, with the JSON path of each: in a `POST /timeline/render`
/// every one must be the id of an uploaded asset, never a path on the server.
enum TimelineAssets {
    struct Reference: Sendable, Hashable {
        var id: String
        var field: String
    }

    static func references(in timeline: Timeline) -> [Reference] {
        var found: [Reference] = []
        for (index, clip) in timeline.video.clips.enumerated() {
            switch clip.content {
            case .image(let image): found.append(Reference(id: image.file, field: "video.clips[\(index)].image.file"))
            case .video(let video): found.append(Reference(id: video.file, field: "video.clips[\(index)].video.file"))
            case .color, .gradient: break
            }
        }
        if let watermark = timeline.video.watermark {
            found.append(Reference(id: watermark.file, field: "video.watermark.file"))
        }
        for (index, track) in timeline.audio.narration.enumerated() {
            found.append(Reference(id: track.file, field: "audio.narration[\(index)].file"))
        }
        for (index, track) in timeline.audio.music.enumerated() {
            found.append(Reference(id: track.file, field: "audio.music[\(index)].file"))
        }
        for (index, track) in timeline.audio.effects.enumerated() {
            found.append(Reference(id: track.file, field: "audio.effects[\(index)].file"))
        }
        return found
    }
}
