import AIProdCore

/// Every file a timeline names (narration, music, effects, images, clips, the watermark),
/// rewritten one by one: made relative to the job's folder, asset ids turned into the job's
/// `assets/` files, or prefixed for a timeline written elsewhere (the CLI's `OUT.timeline.json`).
public enum TimelineFiles {
    public static func map<E: Error>(_ timeline: Timeline, _ transform: (String) throws(E) -> String) throws(E) -> Timeline {
        var timeline = timeline
        for index in timeline.audio.narration.indices { timeline.audio.narration[index].file = try transform(timeline.audio.narration[index].file) }
        for index in timeline.audio.music.indices { timeline.audio.music[index].file = try transform(timeline.audio.music[index].file) }
        for index in timeline.audio.effects.indices { timeline.audio.effects[index].file = try transform(timeline.audio.effects[index].file) }
        for index in timeline.video.clips.indices {
            switch timeline.video.clips[index].content {
            case .image(var image):
                image.file = try transform(image.file)
                timeline.video.clips[index].content = .image(image)
            case .video(var video):
                video.file = try transform(video.file)
                timeline.video.clips[index].content = .video(video)
            case .color, .gradient:
                break
            }
        }
        if var watermark = timeline.video.watermark {
            watermark.file = try transform(watermark.file)
            timeline.video.watermark = watermark
        }
        return timeline
    }

    /// Every file the timeline names, in the order ``map(_:_:)`` visits them.
    public static func all(_ timeline: Timeline) -> [String] {
        var files: [String] = []
        _ = map(timeline) { (file: String) -> String in
            files.append(file)
            return file
        }
        return files
    }
}
