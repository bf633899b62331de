/// Bounds on the JSON documents and scripts aiprod accepts from outside (timelines, plans,
/// request bodies), checked before decoding and after: a few kilobytes of JSON can nest deep
/// enough to exhaust a recursive parser's stack, or list a million clips.
///
/// Read from `[limits]` in aiprod.ini; see ``Limits``.
public struct DocumentLimits: Sendable, Hashable {
    /// Largest timeline or plan document, in bytes.
    public var maxJSONBytes = 8 * 1024 * 1024
    /// Deepest nesting of arrays and objects in a document.
    public var maxJSONDepth = 32
    /// Most clips in a timeline's video track (and scenes in a plan).
    public var maxClips = 1_000
    /// Most subtitle cues in a timeline.
    public var maxCues = 20_000
    /// Most text layers on one clip.
    public var maxTextLayersPerClip = 16
    /// Most audio tracks (narration, music and effects together) in a timeline.
    public var maxAudioTracks = 5_000

    public init() {}
}
