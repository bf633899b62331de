/// Bounds on media files read from outside (uploads, a timeline's files, provider replies),
/// checked from the container and stream headers before anything is decoded or allocated:
/// a 1 MB PNG can declare 16000×16000 pixels, a header can declare a day of audio.
///
/// Read from `[limits]` in aiprod.ini; see ``Limits``.
public struct MediaLimits: Sendable, Hashable {
    /// Largest still image, in pixels per side.
    public var maxImageWidth = 16_384
    public var maxImageHeight = 16_384
    /// Largest still image, in millions of pixels (width × height).
    public var maxImageMegapixels = 100
    /// Audio sample rates accepted, in Hz.
    public var minSampleRate = 8_000
    public var maxSampleRate = 384_000
    /// Most audio channels accepted in one stream.
    public var maxChannels = 8
    /// Longest audio file accepted, in seconds: as long as the longest timeline, so that what
    /// aiprod renders it can read back (QA, thumbnail, true-peak check).
    public var maxAudioSeconds = 6 * 3600
    /// Largest video picture, in pixels per side.
    public var maxVideoWidth = 7_680
    public var maxVideoHeight = 4_320
    /// Longest video file accepted, in seconds.
    public var maxVideoSeconds = 6 * 3600
    /// Most streams in one file (audio, video, subtitles, data, attachments together).
    public var maxStreams = 16

    public init() {}

    /// Whether `width` × `height` fits the image bounds (checked arithmetic: values come from
    /// file headers).
    public func allowsImage(width: Int, height: Int) -> Bool {
        guard width > 0, height > 0, width <= maxImageWidth, height <= maxImageHeight else { return false }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        return !overflow && pixels <= maxImageMegapixels * 1_000_000
    }
}
