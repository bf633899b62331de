/// Checks a decoded ``Timeline`` for values that would render wrong or not at all, before any
/// media is opened. Files are checked later, by the media engine, which can open them.
///
/// It also keeps everything the engine computes from a timeline representable: counts within
/// the ``DocumentLimits``, every time within ±``Rational/maxMagnitude``, sums and differences
/// of times checked (an overflow is an `invalid_value` naming the field), frame rates whose
/// terms fit libav's `Int32`, strings without NUL and of bounded length.
public struct TimelineValidator: Sendable {
    /// Largest width or height accepted (H.264 level limits and memory both argue for a cap).
    public static let maxDimension = 4096
    public static let minDimension = 16
    public static let maxFps = Rational(240)
    /// Longest timeline accepted: 6 hours.
    public static let maxDuration = Rational(6 * 3600)
    /// Latest in or out point in a video file: a day (the largest `max_video_seconds` allows).
    public static let maxMediaTime = Rational(86_400)
    /// Shortest span of a file a looping video clip may repeat: shorter loops would reopen the
    /// file many times a second for a stutter nobody wants.
    public static let minLoopSpan = Rational(1, 10)
    /// Longest file name or font name, in UTF-8 bytes (Linux's PATH_MAX).
    public static let maxPathBytes = 4096
    /// Longest text layer, and subtitle cue, in characters.
    public static let maxTextCharacters = 500
    public static let maxCueCharacters = 1000

    public var limits: DocumentLimits

    public init(limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
    }

    public func validate(_ timeline: Timeline) throws(TimelineError) {
        guard timeline.version == 1 else {
            throw TimelineError(.unsupportedVersion, field: "version", "only version 1 is supported, got \(timeline.version)")
        }
        try validateCounts(timeline)
        try validate(timeline.output)
        try validateClips(timeline.video.clips, fps: timeline.output.fps)
        if let watermark = timeline.video.watermark { try validate(watermark) }
        let schedule = try TimelineSchedule(validating: timeline)
        // Checked: frames × the rate's denominator may not fit before this bound is known to hold.
        guard let duration = Rational(schedule.totalFrames).divided(by: schedule.fps), duration <= Self.maxDuration else {
            let seconds = Double(schedule.totalFrames) / schedule.fps.doubleValue
            throw .invalid("video.clips", "the timeline lasts \(seconds) s, over the \(Self.maxDuration) s limit")
        }
        try validate(timeline.audio, duration: duration)
        if let subtitles = timeline.subtitles { try validate(subtitles, duration: duration) }
    }

    /// Counts first, so that nothing below loops over a million of anything.
    func validateCounts(_ timeline: Timeline) throws(TimelineError) {
        let clips = timeline.video.clips
        guard clips.count <= limits.maxClips else {
            throw .invalid("video.clips", "\(clips.count) clips, over the limit of \(limits.maxClips) (max_clips in [limits])")
        }
        for (index, clip) in clips.enumerated() where clip.text.count > limits.maxTextLayersPerClip {
            throw .invalid("video.clips[\(index)].text",
                           "\(clip.text.count) text layers, over the limit of \(limits.maxTextLayersPerClip) (max_text_layers_per_clip in [limits])")
        }
        let audio = timeline.audio
        let tracks = audio.narration.count + audio.music.count + audio.effects.count
        guard tracks <= limits.maxAudioTracks else {
            throw .invalid("audio", "\(tracks) audio tracks (narration, music and effects), over the limit of \(limits.maxAudioTracks) (max_audio_tracks in [limits])")
        }
        if let cues = timeline.subtitles?.cues, cues.count > limits.maxCues {
            throw .invalid("subtitles.cues", "\(cues.count) cues, over the limit of \(limits.maxCues) (max_cues in [limits])")
        }
    }

    func validate(_ output: OutputSettings) throws(TimelineError) {
        for (name, value) in [("width", output.width), ("height", output.height)] {
            guard value >= Self.minDimension, value <= Self.maxDimension else {
                throw .invalid("output.\(name)", "must be between \(Self.minDimension) and \(Self.maxDimension), got \(value)")
            }
            guard value % 2 == 0 else {
                throw .invalid("output.\(name)", "must be even for yuv420p H.264, got \(value)")
            }
        }
        guard output.fps.isPositive else { throw .invalid("output.fps", "must be > 0, got \(output.fps)") }
        guard output.fps <= Self.maxFps else { throw .invalid("output.fps", "must be at most \(Self.maxFps), got \(output.fps)") }
        // The encoder takes the rate and its inverse time base as two Int32 (AVRational).
        guard output.fps.numerator <= Int64(Int32.max), output.fps.denominator <= Int64(Int32.max) else {
            throw .invalid("output.fps", "numerator and denominator must each be at most \(Int32.max), got \(output.fps)")
        }
        let loudness = output.loudness
        guard (-70.0 ... -5.0).contains(loudness.targetLufs) else {
            throw .invalid("output.loudness.target_lufs", "must be between -70 and -5 LUFS, got \(loudness.targetLufs)")
        }
        guard (-9.0 ... 0.0).contains(loudness.truePeakDbtp) else {
            throw .invalid("output.loudness.true_peak_dbtp", "must be between -9 and 0 dBTP, got \(loudness.truePeakDbtp)")
        }
        let encoding = output.encoding
        guard (0...51).contains(encoding.crf) else { throw .invalid("output.encoding.crf", "must be 0…51, got \(encoding.crf)") }
        guard EncodingSettings.presets.contains(encoding.preset) else {
            throw .invalid("output.encoding.preset", "must be one of \(EncodingSettings.presets.joined(separator: ", ")), got \"\(encoding.preset)\"")
        }
        guard (32...512).contains(encoding.audioBitrateKbps) else {
            throw .invalid("output.encoding.audio_bitrate_kbps", "must be 32…512, got \(encoding.audioBitrateKbps)")
        }
    }

    func validateClips(_ clips: [Clip], fps: Rational) throws(TimelineError) {
        guard !clips.isEmpty else { throw .invalid("video.clips", "needs at least one clip") }
        var previousFrames: Int64 = 0
        var previousTransitionIn: Int64 = 0
        for (index, clip) in clips.enumerated() {
            let path = "video.clips[\(index)]"
            guard clip.duration.isPositive else {
                throw .invalid("\(path).duration", "must be > 0, got \(clip.duration)")
            }
            try requireTime(clip.duration, field: "\(path).duration")
            guard let frames = clip.duration.checkedRounded(toUnitsOf: fps) else {
                throw .invalid("\(path).duration", "\(clip.duration) s is not representable in frames at \(fps) fps")
            }
            guard frames >= 1 else {
                throw .invalid("\(path).duration", "is shorter than one frame at \(fps) fps")
            }
            var transitionFrames: Int64 = 0
            if let transition = clip.transition {
                guard index > 0 else {
                    throw .invalid("\(path).transition", "the first clip has no previous clip to transition from")
                }
                guard transition.duration.isPositive else {
                    throw .invalid("\(path).transition.duration", "must be > 0, got \(transition.duration)")
                }
                try requireTime(transition.duration, field: "\(path).transition.duration")
                guard let rounded = transition.duration.checkedRounded(toUnitsOf: fps) else {
                    throw .invalid("\(path).transition.duration", "\(transition.duration) s is not representable in frames at \(fps) fps")
                }
                transitionFrames = rounded
                guard transitionFrames >= 1 else {
                    throw .invalid("\(path).transition.duration", "is shorter than one frame at \(fps) fps")
                }
                guard transitionFrames < frames else {
                    throw .invalid("\(path).transition.duration", "\(transition.duration.doubleValue) s is not shorter than this clip (\(clip.duration.doubleValue) s)")
                }
                let (used, overflow) = transitionFrames.addingReportingOverflow(previousTransitionIn)
                guard !overflow, used < previousFrames else {
                    throw .invalid("\(path).transition.duration", "\(transition.duration.doubleValue) s does not fit in the previous clip (\(previousFrames) frames, \(previousTransitionIn) already used by its own transition)")
                }
            }
            try validateContent(clip.content, path: path, clipDuration: clip.duration)
            for (layerIndex, layer) in clip.text.enumerated() {
                try validate(layer, path: "\(path).text[\(layerIndex)]", clipDuration: clip.duration)
            }
            previousFrames = frames
            previousTransitionIn = transitionFrames
        }
    }

    func validateContent(_ content: ClipContent, path: String, clipDuration: Rational) throws(TimelineError) {
        switch content {
        case .image(let image):
            try requireFile(image.file, field: "\(path).image.file")
            if let kenBurns = image.kenBurns { try validate(kenBurns, path: "\(path).image.ken_burns") }
        case .video(let video):
            try requireFile(video.file, field: "\(path).video.file")
            guard !video.inPoint.isNegative, video.inPoint <= Self.maxMediaTime else {
                throw .invalid("\(path).video.in_point", "must be 0…\(Self.maxMediaTime) s, got \(video.inPoint)")
            }
            if let out = video.outPoint {
                guard out > video.inPoint else {
                    throw .invalid("\(path).video.out_point", "must be after in_point (\(video.inPoint.doubleValue) s), got \(out.doubleValue) s")
                }
                guard out <= Self.maxMediaTime, out.subtracting(video.inPoint) != nil else {
                    throw .invalid("\(path).video.out_point", "must be at most \(Self.maxMediaTime) s and a representable span after in_point, got \(out)")
                }
                if video.loop, let span = out.subtracting(video.inPoint), span < Self.minLoopSpan {
                    throw .invalid("\(path).video.out_point", "a looping span must last at least \(Self.minLoopSpan.doubleValue) s, got \(span.doubleValue) s")
                }
            }
            try requireGain(video.gainDb, field: "\(path).video.gain_db")
        case .color:
            break
        case .gradient(let gradient):
            guard gradient.angle.isFinite, (-360...360).contains(gradient.angle) else {
                throw .invalid("\(path).gradient.angle", "must be -360…360 degrees, got \(gradient.angle)")
            }
        }
    }

    func validate(_ kenBurns: KenBurns, path: String) throws(TimelineError) {
        guard kenBurns.amount >= 0, kenBurns.amount <= 3 else {
            throw .invalid("\(path).amount", "must be between 0 and 3, got \(kenBurns.amount)")
        }
        guard (kenBurns.from == nil) == (kenBurns.to == nil) else {
            throw .invalid(kenBurns.from == nil ? "\(path).from" : "\(path).to", "from and to go together")
        }
        for (name, rect) in [("from", kenBurns.from), ("to", kenBurns.to)] {
            guard let rect else { continue }
            let values = [rect.x, rect.y, rect.w, rect.h]
            guard values.allSatisfy({ $0.isFinite }), rect.w > 0, rect.h > 0, rect.w <= 1, rect.h <= 1,
                  rect.x >= 0, rect.y >= 0, rect.x + rect.w <= 1.0001, rect.y + rect.h <= 1.0001
            else {
                throw .invalid("\(path).\(name)", "must be a rectangle inside the image (0…1), got x=\(rect.x) y=\(rect.y) w=\(rect.w) h=\(rect.h)")
            }
        }
    }

    func validate(_ layer: TextLayer, path: String, clipDuration: Rational) throws(TimelineError) {
        guard !layer.text.trimmingWhitespace().isEmpty else { throw .invalid("\(path).text", "must not be empty") }
        try requireText(layer.text, field: "\(path).text", maxCharacters: Self.maxTextCharacters)
        guard !layer.font.isEmpty else { throw .invalid("\(path).font", "must not be empty") }
        try requireName(layer.font, field: "\(path).font")
        for (name, value) in [("start", layer.start), ("end", layer.end), ("fade_in", layer.fadeIn), ("fade_out", layer.fadeOut)] {
            if let value { try requireTime(value, field: "\(path).\(name)") }
        }
        if let size = layer.size, !(4...1000).contains(size) {
            throw .invalid("\(path).size", "must be 4…1000 px, got \(size)")
        }
        if layer.placement == .free {
            for (name, value) in [("x", layer.x), ("y", layer.y)] {
                guard let value, value.isFinite, (0...1).contains(value) else {
                    throw .invalid("\(path).\(name)", "a free text layer needs \(name) between 0 and 1")
                }
            }
        }
        guard !layer.start.isNegative, layer.start < clipDuration else {
            throw .invalid("\(path).start", "must be within the clip (0 … \(clipDuration.doubleValue) s), got \(layer.start.doubleValue)")
        }
        let end = layer.end ?? clipDuration
        guard end > layer.start else {
            throw .invalid("\(path).end", "must be after start (\(layer.start.doubleValue) s), got \(end.doubleValue)")
        }
        guard end <= clipDuration else {
            throw .invalid("\(path).end", "\(end.doubleValue) s is past the end of its clip (\(clipDuration.doubleValue) s)")
        }
        guard !layer.fadeIn.isNegative, !layer.fadeOut.isNegative,
              let fades = layer.fadeIn.adding(layer.fadeOut), let shown = end.subtracting(layer.start), fades <= shown
        else {
            throw .invalid("\(path).fade_in", "fade_in and fade_out must be ≥ 0 and fit in the text's time on screen")
        }
        if let box = layer.box, !(0...500).contains(box.padding) {
            throw .invalid("\(path).box.padding", "must be 0…500 px, got \(box.padding)")
        }
    }

    func validate(_ watermark: Watermark) throws(TimelineError) {
        try requireFile(watermark.file, field: "video.watermark.file")
        guard watermark.scale > 0, watermark.scale <= 1 else {
            throw .invalid("video.watermark.scale", "must be > 0 and ≤ 1 (a fraction of the frame width), got \(watermark.scale)")
        }
        guard (0...1).contains(watermark.opacity) else {
            throw .invalid("video.watermark.opacity", "must be 0…1, got \(watermark.opacity)")
        }
        guard (0...0.5).contains(watermark.margin) else {
            throw .invalid("video.watermark.margin", "must be 0…0.5, got \(watermark.margin)")
        }
    }

    func validate(_ audio: AudioTracks, duration: Rational) throws(TimelineError) {
        for (index, track) in audio.narration.enumerated() {
            let path = "audio.narration[\(index)]"
            try requireFile(track.file, field: "\(path).file")
            try requireStart(track.start, field: "\(path).start", duration: duration)
            try requireGain(track.gainDb, field: "\(path).gain_db")
        }
        for (index, track) in audio.music.enumerated() {
            let path = "audio.music[\(index)]"
            try requireFile(track.file, field: "\(path).file")
            try requireStart(track.start, field: "\(path).start", duration: duration)
            try requireGain(track.gainDb, field: "\(path).gain_db")
            for (name, value) in [("end", track.end), ("fade_in", track.fadeIn), ("fade_out", track.fadeOut)] {
                if let value { try requireTime(value, field: "\(path).\(name)") }
            }
            let end = track.end ?? duration
            guard end > track.start else {
                throw .invalid("\(path).end", "must be after start (\(track.start.doubleValue) s), got \(end.doubleValue)")
            }
            guard !track.fadeIn.isNegative, !track.fadeOut.isNegative,
                  let fades = track.fadeIn.adding(track.fadeOut), let span = end.subtracting(track.start), fades <= span
            else {
                throw .invalid("\(path).fade_in", "fade_in and fade_out must be ≥ 0 and fit between start and end")
            }
            if let duck = track.duck {
                guard duck.depthDb >= 0, duck.depthDb <= 60 else {
                    throw .invalid("\(path).duck.depth_db", "must be 0…60 dB, got \(duck.depthDb)")
                }
                guard !duck.attack.isNegative, duck.attack <= Rational(5) else {
                    throw .invalid("\(path).duck.attack", "must be 0…5 s, got \(duck.attack.doubleValue)")
                }
                guard !duck.release.isNegative, duck.release <= Rational(10) else {
                    throw .invalid("\(path).duck.release", "must be 0…10 s, got \(duck.release.doubleValue)")
                }
            }
        }
        for (index, track) in audio.effects.enumerated() {
            let path = "audio.effects[\(index)]"
            try requireFile(track.file, field: "\(path).file")
            try requireStart(track.start, field: "\(path).start", duration: duration)
            try requireGain(track.gainDb, field: "\(path).gain_db")
        }
    }

    func validate(_ subtitles: Subtitles, duration: Rational) throws(TimelineError) {
        for (index, cue) in subtitles.cues.enumerated() {
            let path = "subtitles.cues[\(index)]"
            guard !cue.start.isNegative else { throw .invalid("\(path).start", "must be ≥ 0, got \(cue.start.doubleValue)") }
            guard cue.start < duration else {
                throw .invalid("\(path).start", "\(cue.start.doubleValue) s is past the end of the timeline (\(duration.doubleValue) s)")
            }
            guard cue.end > cue.start else {
                throw .invalid("\(path).end", "must be after start (\(cue.start.doubleValue) s), got \(cue.end.doubleValue)")
            }
            try requireTime(cue.end, field: "\(path).end")
            guard !cue.text.trimmingWhitespace().isEmpty else { throw .invalid("\(path).text", "must not be empty") }
            try requireText(cue.text, field: "\(path).text", maxCharacters: Self.maxCueCharacters)
        }
        let style = subtitles.style
        try requireName(style.font, field: "subtitles.style.font")
        if let size = style.size, !(4...500).contains(size) {
            throw .invalid("subtitles.style.size", "must be 4…500 px, got \(size)")
        }
        guard style.outline >= 0, style.outline <= 20 else {
            throw .invalid("subtitles.style.outline", "must be 0…20 px, got \(style.outline)")
        }
        guard (0...0.5).contains(style.margin) else {
            throw .invalid("subtitles.style.margin", "must be 0…0.5, got \(style.margin)")
        }
    }

    func requireFile(_ file: String, field: String) throws(TimelineError) {
        guard !file.trimmingWhitespace().isEmpty else { throw .invalid(field, "must name a file") }
        try requireName(file, field: field)
    }

    /// A file or font name the engine passes to C: no NUL, at most PATH_MAX bytes.
    func requireName(_ name: String, field: String) throws(TimelineError) {
        guard !name.utf8.contains(0) else { throw .invalid(field, "must not contain NUL") }
        guard name.utf8.count <= Self.maxPathBytes else {
            throw .invalid(field, "is \(name.utf8.count) bytes long, over \(Self.maxPathBytes)")
        }
    }

    /// Text drawn in the picture: no NUL, a bounded number of characters, and of bytes (one
    /// character can carry any number of combining marks).
    func requireText(_ text: String, field: String, maxCharacters: Int) throws(TimelineError) {
        guard !text.utf8.contains(0) else { throw .invalid(field, "must not contain NUL") }
        guard text.utf8.count <= maxCharacters * 8, text.count <= maxCharacters else {
            throw .invalid(field, "is over \(maxCharacters) characters")
        }
    }

    /// A time within ±``Rational/maxMagnitude`` s, as decoding guarantees and code-built
    /// timelines must respect too.
    func requireTime(_ value: Rational, field: String) throws(TimelineError) {
        guard value.magnitudeIsWithinBounds else {
            throw .invalid(field, "\(value) s is out of range (at most ±\(Rational.maxMagnitude))")
        }
    }

    func requireStart(_ start: Rational, field: String, duration: Rational) throws(TimelineError) {
        try requireTime(start, field: field)
        guard !start.isNegative else { throw .invalid(field, "must be ≥ 0, got \(start.doubleValue)") }
        guard start < duration else {
            throw .invalid(field, "\(start.doubleValue) s is past the end of the timeline (\(duration.doubleValue) s)")
        }
    }

    func requireGain(_ gain: Double, field: String) throws(TimelineError) {
        guard gain.isFinite, (-60...24).contains(gain) else { throw .invalid(field, "must be -60…24 dB, got \(gain)") }
    }
}
