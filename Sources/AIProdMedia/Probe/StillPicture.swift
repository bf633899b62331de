import AIProdCore

/// Tells a still picture from a moving one after a probe: the asset catalog and the upload
/// inspector decide it the same way.
public enum StillPicture {
    /// Demuxers of still pictures.
    static let formats: Set<String> = ["image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe", "gif"]

    /// Whether a probed file with a picture stream is a still: an image demuxer, or a single
    /// frame with no sound and no length.
    public static func isStill(_ probe: ProbeResult) -> Bool {
        guard let video = probe.stream("video") else { return false }
        return formats.contains(probe.format)
            || (video.frames ?? 0) <= 1 && probe.stream("audio") == nil && (probe.durationSeconds ?? 0) < 0.1
    }

    /// Whether at least one picture decodes from `path`. A document named .jpg opens by its
    /// extension; only decoding shows it is no picture.
    public static func decodes(_ path: String, limits: MediaLimits) -> Bool {
        guard let decoded = try? MediaProbe(decode: true, measureLoudness: false, limits: limits).probe(path) else { return false }
        return decoded.decodeError == nil && (decoded.stream("video")?.frames ?? 0) >= 1
    }
}
